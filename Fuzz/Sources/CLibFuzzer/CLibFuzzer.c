// Declarations only (see include/CLibFuzzer.h): libFuzzer defines what the header declares.
#include "CLibFuzzer.h"
