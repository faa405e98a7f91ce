// Package bench holds kehoach's benchmarks at national scale, each
// workload next to its floor: the least work any implementation of the
// same command has to do with the same libraries. It has no code of its
// own; everything is in its test files, run by .ci/bench:
//
//   - BenchmarkValidateNational and BenchmarkFloorDecodeNational: validate
//     the national plan (10,600 communes, about 85,000 rows, 13 MB) against
//     reading it and decoding it into a yaml.Node.
//   - BenchmarkValidateRepo and BenchmarkFloorDecodeRepo: validate a folder
//     of 700 district plans against reading and decoding them all on as
//     many workers as there are cores.
//   - BenchmarkExportNational and BenchmarkFloorExportNational: export the
//     national plan's appendices against decoding it and writing the same
//     number of styled rows and cells, one formula a row, with excelize's
//     StreamWriter.
//   - BenchmarkStartupValidate and BenchmarkStartupFloor: the kehoach
//     binary validating the reference plan, as a process, against a
//     minimal program (bench/internal/floor) decoding it.
//   - BenchmarkValidateCurve: validate national plans of 1,000, 2,000,
//     5,000 and 10,600 communes, to show that cost grows linearly.
//   - BenchmarkValidateNationalSlips: validate the national plan with 10,
//     100 and 1,000 typing slips in its funding figures
//     (synthetic.NationalWithSlips), so that the error localisation runs:
//     against BenchmarkValidateNational, and against each other, to show
//     that cost grows linearly with the slips. TestSlipsLocated checks on
//     a smaller plan that the findings cover the equations the slips
//     break and, where slips share no equation, name them.
//
// Besides time, the in-process benchmarks report:
//
//   - peak-MiB: the peak memory of the operation: the largest resident set
//     (VmHWM) of a child process that runs it once, the test binary run
//     again with KEHOACH_BENCH_CHILD set. It counts everything the
//     operating system gave the process, the garbage collector's headroom
//     included, so it is what a user's machine sees; the workload and its
//     floor run in the same binary, so the constant part (about 10 MiB) is
//     the same on both sides. Reported on Linux only.
//   - cpu-ns/op: CPU time (user and system, all threads, the garbage
//     collector's included) per operation. On a machine shared with other
//     work it varies less than the time, and .ci/bench prints its ratios
//     too. Reported on Linux and macOS only.
//   - cores: CPU time over wall time while the benchmark runs: 2 means
//     both cores of a 2-core machine were busy.
//
// The workloads are written by package internal/synthetic into a
// temporary folder once per run. Nothing here asserts a time: the ratios
// are the benchmarks' output, printed by .ci/bench.
package bench
