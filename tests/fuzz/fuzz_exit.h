/* tests/fuzz/fuzz_exit.h: fail.c's exit(), replaced under fuzzing by a jump
 * back into the harness (see tests/fuzz/reader.c). */
_Noreturn void fuzz_exit(int status);
