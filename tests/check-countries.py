#!/usr/bin/env python3
"""check-countries.py — is a neighbouring country drawn as land?  Compares
three poppler rasters (PPM, 72 dpi, page 1) of the same sheet:

  NONE    built with --context none (the map without countries)
  ONE     built with only this country as --context
  DEFAULT built as users build it (no --context option)

The country's land is where ONE shows land grey and NONE shows sea, inside
the map frame and at least MARGIN pixels from its edge.  Prints one TAP
line (numbered from --from N): ok when the country has land in the frame
and at least 98% of those pixels are not sea in DEFAULT.

  check-countries.py --from N NAME NONE ONE DEFAULT
"""
import sys

SEA = (246, 251, 255)    # render-fill.c render_sea_colour, #f6fbff
LAND = (237, 237, 234)   # render-fill.c render_land_colour, #ededea
FRAME = (28, 70, 528, 548)  # the A4 landscape sheet's map frame, points
MARGIN = 6


def ppm(path):
    data = open(path, 'rb').read()
    parts = data.split(maxsplit=4)
    assert parts[0] == b'P6', path
    w, h = int(parts[1]), int(parts[2])
    return w, h, parts[4][:w * h * 3]


def near(px, colour, tol=3):
    return all(abs(a - b) <= tol for a, b in zip(px, colour))


def main(argv):
    n = 0
    if argv[0] == '--from':
        n = int(argv[1])
        argv = argv[2:]
    name, none, one, default = argv
    w, h, a = ppm(none)
    _, _, b = ppm(one)
    _, _, c = ppm(default)
    land = sea = 0
    x0, y0, x1, y1 = FRAME
    for y in range(y0 + MARGIN, min(y1 - MARGIN, h)):
        for x in range(x0 + MARGIN, min(x1 - MARGIN, w)):
            i = 3 * (y * w + x)
            if near(a[i:i + 3], SEA) and near(b[i:i + 3], LAND):
                land += 1
                if near(c[i:i + 3], SEA):
                    sea += 1
    n += 1
    if land < 20:
        print(f'not ok {n} - {name}: no land of it inside the frame ({land} px) even when drawn alone')
        return 1
    share = 100.0 * (land - sea) / land
    if share >= 98:
        print(f'ok {n} - {name} drawn as land by default: {land - sea} of {land} px ({share:.1f}%)')
        return 0
    print(f'not ok {n} - {name} is sea by default: {sea} of its {land} land px show the sea colour')
    return 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
