// V8 hands a function to its optimising compiler (TurboFan, on background
// threads) once the function has run about 66 KB of bytecode (its
// `--interrupt-budget`, 67,584). A build is a short process that runs
// hundreds of functions (micromark, hast, pdf-lib, JSZip) just past that
// and is over before most of their optimised code pays back: in a perf
// profile of the 50-chapter book TurboFan's threads took 1.03 s of the
// build's ~8 s of CPU. Sixteen times the budget leaves TurboFan the really
// hot functions only: Node's CPU for that book 4.04 → 3.36 s and the build's
// wall time 5.57 → 5.30 s (medians of 6 interleaved cold builds; 64 times
// no better, no TurboFan at all worse: 4.64 s; docs/benchmarks.md); every
// output is the same bytes. bin/chapkhana.js sets it before any of
// chapkhana's code is loaded (NODE_OPTIONS takes only a short list of V8
// flags); scripts/test.mjs gives it to every test file's process.
export const V8_FLAGS = '--interrupt-budget=1081344'
