#include "targets.hpp"
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    boardpack::fuzz::pdf(data, size);
    return 0;
}
