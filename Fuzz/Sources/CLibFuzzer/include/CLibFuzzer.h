#ifndef WASMBENCH_CLIBFUZZER_H
#define WASMBENCH_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, for a program that has its own main (SwiftPM names an executable's entry
/// point itself, so libFuzzer's main cannot be used). Defined by libFuzzer, linked only with
/// -sanitize=fuzzer: wasmbench-fuzz calls it only when built with -DFUZZING.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
