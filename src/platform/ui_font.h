// The UI font's TTF bytes, embedded at build time (cmake/AppTarget.cmake).
#pragma once

#include <span>

namespace eventlab::platform {

/// Roboto Regular (Debian's fonts-roboto), the whole file.
std::span<const unsigned char> UiFontTtf();

}  // namespace eventlab::platform
