// Loading libwasmtime and resolving the functions wasmbench calls.
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "wasmtime_api.h"

static void copy_error(char *error, size_t error_length, const char *format, ...) {
    if (error == NULL || error_length == 0) return;
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(error, error_length, format, arguments);
    va_end(arguments);
}

wb_wasmtime_library *wb_wasmtime_open(const char *library_path, char *error,
                                      size_t error_length) {
    if (library_path == NULL) {
        copy_error(error, error_length, "no libwasmtime path was given");
        return NULL;
    }
    void *handle = dlopen(library_path, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        const char *reason = dlerror();
        copy_error(error, error_length, "could not load %s: %s", library_path,
                   reason != NULL ? reason : "unknown dlopen error");
        return NULL;
    }
    wb_wasmtime_library *library = calloc(1, sizeof *library);
    if (library == NULL) {
        copy_error(error, error_length, "out of memory while loading %s", library_path);
        return NULL;
    }
    // POSIX guarantees a dlsym'd function pointer round-trips through void *.
#define WB_LOAD(ret, name, params)                                                                \
    library->name = (ret(*) params)dlsym(handle, #name);                                          \
    if (library->name == NULL) {                                                                  \
        copy_error(error, error_length,                                                           \
                   "%s lacks the C API function `%s`; install the PyPI wasmtime wheel the "       \
                   "harness expects (50.x)",                                                      \
                   library_path, #name);                                                          \
        free(library);                                                                            \
        return NULL;                                                                              \
    }
    WB_WASMTIME_FUNCTIONS(WB_LOAD)
#undef WB_LOAD
    return library;
}

void wb_wasmtime_close(wb_wasmtime_library *library) { free(library); }
