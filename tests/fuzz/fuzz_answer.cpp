#include "targets.hpp"
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    boardpack::fuzz::answer(data, size);
    return 0;
}
