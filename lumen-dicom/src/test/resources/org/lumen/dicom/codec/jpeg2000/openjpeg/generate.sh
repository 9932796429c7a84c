#!/bin/sh
# Regenerates these fixtures with OpenJPEG 2.5.0 (Debian libopenjp2-tools): NAME.j2k from opj_compress with the options
# below; for the lossy ones NAME.rawl.gz is opj_decompress output (components one after another, little endian).
# Lossless ones decode to their source: mono12.rawl (77x61 12-bit), mono16s.rawl (77x61 signed 16-bit), rgb8.raw (50x43x3).
# The sources were made by a small seeded Python script (smooth patterns plus noise).
# Regenerates the OpenJPEG fixtures: each NAME.j2k made by opj_compress (OpenJPEG 2.5.0) with the options listed, and
# NAME.rawl its decoding by opj_decompress (components one after another, little endian), gzipped.
M12="-i mono12.rawl -F 77,61,1,12,u"
M16="-i mono16s.rawl -F 77,61,1,16,s"
RGB="-i rgb8.raw -F 50,43,3,8,u"
gen() { name=$1; shift; opj_compress "$@" -o $name.j2k >/dev/null; opj_decompress -i $name.j2k -o $name.rawl >/dev/null; gzip -9nf $name.rawl; }
gen tiles_53 $M12 -t 32,24 -n 3
gen layers_lrcp $M12 -r 40,20,10,5,1 -p LRCP
gen layers_rlcp $M12 -r 20,5,1 -p RLCP -n 4
gen precincts_rpcl $M12 -c [32,32],[16,16] -b 16,16 -p RPCL
gen precincts_pcrl_tiles $M12 -c [16,16] -b 8,8 -p PCRL -t 40,40 -n 3
gen rgb_cprl $RGB -c [32,32],[16,16] -p CPRL -r 8,1
gen modes_all $M12 -M 63 -r 10,3,1
gen bypass_layers $M12 -M 1 -r 30,10,1 -b 32,32
gen termall_reset $M12 -M 6 -r 5,1
gen vsc_segmark $M12 -M 40
gen sop_eph $M12 -SOP -EPH -r 6,1
gen poc $M12 -r 4,2,1 -POC T0=0,0,2,3,1,LRCP/T0=0,0,3,6,1,RLCP
gen roi $M12 -ROI c=0,U=4
gen tile_parts $RGB -t 25,25 -TP R -r 3,1 -n 3
gen offsets $M12 -d 3,5 -T 1,2 -t 30,30 -n 3
gen signed16 $M16 -n 5 -b 64,32
gen levels0 $M12 -n 1
gen irreversible $M12 -I -r 12
gen irreversible_layers $RGB -I -r 30,10,3 -p RPCL -c [32,32] -n 4
gen irreversible_bypass $M16 -I -M 1 -r 20,4
# Subsampled components (1x1, 2x2, 2x1): sub.raw holds the three planes at their own sizes (seeded patterns); the
# reference is opj_decompress's per-component PGX output, headers stripped, planes one after another.
opj_compress -i sub.raw -F 50,43,3,8,u@1x1:2x2:2x1 -o subsampled.j2k
opj_decompress -i subsampled.j2k -o sub_out.pgx
