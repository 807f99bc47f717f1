// The V8 young generation stays at its starting size (--semi-space-growth-factor=1) for the whole
// process. Imported first by the three entries (CLI, Action, App), before the work allocates.
//
// Why: a lint or a review allocates a steady stream of short-lived parse trees and strings, and
// V8 grows the young generation towards its ceiling, which Node 24 sets far higher than Node 20
// did (it scales with the machine's memory): the young objects then sit in memory between
// collections. Measured, the whole corpus on one thread: Node 24 315 -> 205 MB peak, Node 20
// 187 -> 168 MB, CPU time unchanged (langfuse + DSpace, callgrind: 2.63 -> 2.56 G instructions).
// The price is on one very large file, whose parse trees outlive many more collections: the
// 20 MB generated file on Node 24 700 -> 535 MB but 7.9-8.9 -> 10.7-11.0 s of CPU (a growth
// factor of 2, or a larger starting size, kept neither the memory nor the time). The ceiling itself (--max-semi-space-size) is fixed when the heap is made, so it
// can only be set on Node's command line, which an Action's `runs.using` and an npm bin do not
// offer; the growth factor is read at each collection and holds when set at run time.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
