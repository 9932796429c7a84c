#!/usr/bin/python3
"""Independent reference for NiftiReaderTest: writes the synthetic NIfTI files in synthetic/ and, for those and the shared
real files, the expected dimensions, voxel types, LPS geometry and voxel sums in expected.tsv.

Pure Python (struct, gzip, math), written from the NIfTI-1 header definition and sharing no code with the Java reader.
Run from this folder: /usr/bin/python3 make_fixtures.py ../../../../../../shared/data
"""
import gzip
import math
import os
import struct
import sys

DTYPES = {2: ('B', 'UINT8'), 256: ('b', 'INT8'), 4: ('h', 'INT16'), 512: ('H', 'UINT16'), 8: ('i', 'INT32'),
          768: ('I', 'UINT32'), 16: ('f', 'FLOAT32'), 64: ('d', 'FLOAT64')}
CODE_OF = {name: code for code, (_, name) in DTYPES.items()}

SHARED = [
    'ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz',
    'ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz',
    'ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz',
    'ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz',
] + ['ibsi/ibsi_2_digital_phantom/nifti/%s/%s/%s.nii.gz' % (p, kind, p if kind == 'image' else 'mask')
     for p in ['checkerboard', 'empty', 'impulse', 'noise', 'orientation', 'pattern_1', 'pattern_2', 'pattern_3', 'sphere']
     for kind in ['image', 'mask'] if not (p == 'orientation' and kind == 'mask')] + [
    'hippocampus/imagesTr/hippocampus_001.nii.gz',
    'hippocampus/labelsTr/hippocampus_001.nii.gz',
    'hippocampus/imagesTr/hippocampus_003.nii.gz',
    'hippocampus/labelsTr/hippocampus_003.nii.gz',
    'hippocampus/imagesTr/hippocampus_190.nii.gz',
    'hippocampus/labelsTr/hippocampus_190.nii.gz',
    'brain-atlas/ch2.nii.gz',
    'brain-atlas/ch2bet.nii.gz',
    'brain-atlas/aal.nii.gz',
]


def f32(x):
    return struct.unpack('f', struct.pack('f', x))[0]


def load(path):
    raw = gzip.open(path).read() if open(path, 'rb').read(2) == b'\x1f\x8b' else open(path, 'rb').read()
    e = '<' if struct.unpack('<i', raw[:4])[0] == 348 else '>'
    h = {
        'dim': struct.unpack(e + '8h', raw[40:56]),
        'datatype': struct.unpack(e + 'h', raw[70:72])[0],
        'pixdim': struct.unpack(e + '8f', raw[76:108]),
        'vox_offset': int(struct.unpack(e + 'f', raw[108:112])[0]),
        'slope': struct.unpack(e + 'f', raw[112:116])[0],
        'inter': struct.unpack(e + 'f', raw[116:120])[0],
        'units': raw[123] & 7,
        'qcode': struct.unpack(e + 'h', raw[252:254])[0],
        'scode': struct.unpack(e + 'h', raw[254:256])[0],
        'quat': struct.unpack(e + '3f', raw[256:268]),
        'qoff': struct.unpack(e + '3f', raw[268:280]),
        'srow': struct.unpack(e + '12f', raw[280:328]),
        'magic': raw[344:347],
    }
    if h['magic'] == b'ni1':
        img = path[:-4] + '.img'
        data = open(img, 'rb').read()[h['vox_offset']:]
    else:
        data = raw[h['vox_offset']:]
    d = h['dim']
    dims = [d[i] if i <= d[0] else 1 for i in (1, 2, 3)]
    n = dims[0] * dims[1] * dims[2]
    fmt, name = DTYPES[h['datatype']]
    size = struct.calcsize(fmt)
    values = list(struct.unpack(e + str(n) + fmt, data[:n * size]))
    scaled = h['slope'] != 0 and math.isfinite(h['slope']) and (h['slope'] != 1 or h['inter'] != 0)
    if scaled:
        values = [f32(v * h['slope'] + h['inter']) for v in values]
        value_type = 'FLOAT64' if name == 'FLOAT64' else 'FLOAT32'
    else:
        value_type = name
        if name == 'FLOAT64':
            values = [f32(v) for v in values]
    return h, dims, name, value_type, values


def matmul(a, b):
    return [[sum(a[r][k] * b[k][c] for k in range(3)) for c in range(3)] for r in range(3)]


def geometry(h):
    """NIfTI-1 rule: sform if sform_code > 0 (and usable), else qform if qform_code > 0, else pixdim only."""
    s = h['srow']
    sform = [[s[0], s[1], s[2]], [s[4], s[5], s[6]], [s[8], s[9], s[10]]]
    det = (sform[0][0] * (sform[1][1] * sform[2][2] - sform[1][2] * sform[2][1])
           - sform[0][1] * (sform[1][0] * sform[2][2] - sform[1][2] * sform[2][0])
           + sform[0][2] * (sform[1][0] * sform[2][1] - sform[1][1] * sform[2][0]))
    px = [p if p > 0 else 1.0 for p in h['pixdim'][1:4]]
    if h['scode'] > 0 and abs(det) > 1e-12:
        source, lin, off = 'SFORM', sform, [s[3], s[7], s[11]]
    elif h['qcode'] > 0:
        b, c, d = h['quat']
        a2 = 1.0 - (b * b + c * c + d * d)
        if a2 < 1e-7:
            norm = math.sqrt(b * b + c * c + d * d)
            b, c, d, a = b / norm, c / norm, d / norm, 0.0
        else:
            a = math.sqrt(a2)
        rot = [[a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)],
               [2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)],
               [2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b]]
        qfac = -1.0 if h['pixdim'][0] < 0 else 1.0
        lin = matmul(rot, [[px[0], 0, 0], [0, px[1], 0], [0, 0, qfac * px[2]]])
        source, off = 'QFORM', list(h['qoff'])
    else:
        source, lin, off = 'PIXDIM', [[px[0], 0, 0], [0, px[1], 0], [0, 0, px[2]]], [0.0, 0.0, 0.0]
    unit = {1: 1000.0, 3: 0.001}.get(h['units'], 1.0)
    flip = [-1.0, -1.0, 1.0]  # RAS -> LPS
    lin = [[flip[r] * unit * lin[r][c] for c in range(3)] for r in range(3)]
    off = [flip[r] * unit * off[r] for r in range(3)]
    spacing = [math.sqrt(sum(lin[r][c] ** 2 for r in range(3))) for c in range(3)]
    direction = [[lin[r][c] / spacing[c] for c in range(3)] for r in range(3)]
    return source, spacing, off, direction


def header(e, dims, dtype_name, pixdim, qcode, scode, quat, qoff, srow, units=2, slope=1.0, inter=0.0,
           magic=b'n+1', vox_offset=352):
    h = bytearray(352 if magic == b'n+1' else 348)
    struct.pack_into(e + 'i', h, 0, 348)
    dim = [len(dims)] + list(dims) + [1] * (7 - len(dims))
    struct.pack_into(e + '8h', h, 40, *dim)
    code = CODE_OF[dtype_name]
    struct.pack_into(e + 'hh', h, 70, code, 8 * struct.calcsize(DTYPES[code][0]))
    struct.pack_into(e + '8f', h, 76, *(list(pixdim) + [0.0] * (8 - len(pixdim))))
    struct.pack_into(e + 'fff', h, 108, vox_offset, slope, inter)
    h[123] = units
    struct.pack_into(e + 'hh', h, 252, qcode, scode)
    struct.pack_into(e + '6f', h, 256, *(list(quat) + list(qoff)))
    struct.pack_into(e + '12f', h, 280, *srow)
    h[344:348] = magic + b'\x00'
    return bytes(h)


def voxels(e, dtype_name, values):
    return struct.pack(e + str(len(values)) + DTYPES[CODE_OF[dtype_name]][0], *values)


def write_synthetic(folder):
    os.makedirs(folder, exist_ok=True)
    junk_srow = [7.0] * 12
    c30, s30 = math.cos(math.radians(30)), math.sin(math.radians(30))
    files = {}
    # qform only, oblique rotation, left-handed (qfac = -1); the srow is junk that sform_code 0 says to ignore
    v = [i + 10 * j + 100 * k - 50 for k in range(2) for j in range(3) for i in range(4)]
    files['qform_only_oblique.nii'] = header('<', (4, 3, 2), 'INT16', [-1, 0.8, 1.1, 2.5], 1, 0, (0.1, 0.2, 0.3),
                                             (10.5, -20.25, 30.0), junk_srow) + voxels('<', 'INT16', v)
    # sform only, rotated about x and sheared, big endian, with scl_slope/scl_inter; the quaternion is junk
    lin = [[0.5, 0.0, 0.3], [0.0, 0.75 * c30, -2.0 * s30], [0.0, 0.75 * s30, 2.0 * c30]]
    srow = lin[0] + [-100.0] + lin[1] + [50.5] + lin[2] + [12.25]
    v = [(n * 7919) % 65536 for n in range(3 * 4 * 5)]
    files['sform_only_sheared_be.nii'] = header('>', (3, 4, 5), 'UINT16', [1, 9, 9, 9], 0, 2, (0.5, 0.5, 0.5),
                                                (1, 2, 3), srow, slope=0.5, inter=-10.0) + voxels('>', 'UINT16', v)
    # both codes set: the sform must win over a different qform
    v = [n * 0.25 - 1 for n in range(8)]
    files['both_forms_sform_wins.nii.gz'] = header('<', (2, 2, 2), 'FLOAT64', [1, 1, 1, 1], 1, 1, (0, 0, 0), (1, 2, 3),
                                                   [-1.5, 0, 0, 100, 0, 1.5, 0, -50, 0, 0, 3, 25]) + voxels('<', 'FLOAT64', v)
    # no codes: pixdim alone, in metres
    v = [n * 10 for n in range(15)]
    files['pixdim_only_meters.nii'] = header('<', (5, 1, 3), 'UINT8', [0, 0.002, 0.003, 0.004], 0, 0, (0.3, 0.3, 0.3),
                                             (9, 9, 9), junk_srow, units=1) + voxels('<', 'UINT8', v)
    # int8 in a 4D header whose fourth dimension is 1
    v = [n - 6 for n in range(12)]
    v[0], v[-1] = -128, 127
    identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]
    files['int8_4d_singleton.nii'] = header('<', (3, 2, 2, 1), 'INT8', [1, 1, 1, 1, 1], 1, 1, (0, 0, 0), (0, 0, 0),
                                            identity) + voxels('<', 'INT8', v)
    # uint32 in a 2D header, gzip
    v = [0, 1, 65536 * 256, 4294967040]
    files['uint32_2d.nii.gz'] = header('<', (2, 2), 'UINT32', [1, 0.5, 0.5, 1], 1, 1, (0, 0, 0), (0, 0, 0),
                                       [0.5, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 1, 0]) + voxels('<', 'UINT32', v)
    # int32 big endian, qform only (code 2), 90 degrees about z
    v = [-2147483648, -1, 0, 1, 16777216, 2147483520, -16777216, 123456]
    files['int32_qform_be.nii'] = header('>', (2, 2, 2), 'INT32', [1, 1, 2, 3], 2, 0, (0, 0, math.sqrt(0.5)),
                                         (-1, -2, -3), junk_srow) + voxels('>', 'INT32', v)
    for name, content in files.items():
        with (gzip.GzipFile(os.path.join(folder, name), 'wb', mtime=0) if name.endswith('.gz') else open(os.path.join(folder, name), 'wb')) as out:
            out.write(content)
    # a .hdr/.img pair: magic ni1, voxels at offset 0 of the .img; qform 90 degrees about x, left-handed
    v = [n * 1.5 - 3 for n in range(24)]
    with open(os.path.join(folder, 'pair.hdr'), 'wb') as out:
        out.write(header('<', (2, 3, 4), 'FLOAT32', [-1, 1.5, 2, 2.5], 1, 0, (math.sqrt(0.5), 0, 0), (-5, 6, -7),
                         junk_srow, magic=b'ni1', vox_offset=0))
    with open(os.path.join(folder, 'pair.img'), 'wb') as out:
        out.write(voxels('<', 'FLOAT32', v))
    return sorted(list(files) + ['pair.hdr'])


def fmt(x):
    return repr(float(x))


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else '../../../../../../shared/data'
    here = os.path.dirname(os.path.abspath(__file__))
    synthetic = write_synthetic(os.path.join(here, 'synthetic'))
    rows = [('shared:' + p, os.path.join(shared, p)) for p in SHARED]
    rows += [('fixture:synthetic/' + p, os.path.join(here, 'synthetic', p)) for p in synthetic]
    columns = ['file', 'nx', 'ny', 'nz', 'stored_type', 'value_type', 'source', 'sx', 'sy', 'sz', 'ox', 'oy', 'oz',
               'd00', 'd01', 'd02', 'd10', 'd11', 'd12', 'd20', 'd21', 'd22', 'sum', 'weighted_sum']
    with open(os.path.join(here, 'expected.tsv'), 'w') as out:
        out.write('# Written by make_fixtures.py from the NIfTI headers by an independent implementation; do not edit.\n')
        out.write('# Geometry in DICOM LPS mm; d = direction matrix row by row (columns are the i, j, k axes);\n')
        out.write('# weighted_sum = sum of value * (index % 1000 + 1), index x fastest.\n')
        out.write('\t'.join(columns) + '\n')
        for label, path in rows:
            h, dims, stored, value_type, values = load(path)
            source, spacing, origin, direction = geometry(h)
            total = 0.0
            weighted = 0.0
            for index, value in enumerate(values):
                total += value
                weighted += value * (index % 1000 + 1)
            cells = [label] + [str(n) for n in dims] + [stored, value_type, source]
            cells += [fmt(x) for x in spacing + origin + [x for row in direction for x in row]]
            cells += [fmt(total), fmt(weighted)]
            out.write('\t'.join(cells) + '\n')


main()
