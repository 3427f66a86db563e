// Whether this is a build with AddressSanitizer, whose malloc maps its memory and whose run
// needs what a normal build's sandbox refuses: GCC says so with __SANITIZE_ADDRESS__, clang
// with __has_feature. BOARDPACK_SANITIZED is 1 or 0, for #if.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define BOARDPACK_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BOARDPACK_SANITIZED 1
#endif
#endif
#ifndef BOARDPACK_SANITIZED
#define BOARDPACK_SANITIZED 0
#endif
