#include "os/LargeAllocationReuse.hpp"

#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace kiosk::os {

namespace {

#if defined(__GLIBC__)
// The largest mmap threshold glibc accepts on 64-bit systems (half its 64 MiB heap size); a
// decoded 1920x1920 picture (14.7 MB) stays below it.
constexpr int kKeepBlocksUpTo = 32 * 1024 * 1024;
constexpr int kKeepFreeUpTo = 64 * 1024 * 1024;
// glibc's defaults for both (DEFAULT_MMAP_THRESHOLD_MIN, DEFAULT_TRIM_THRESHOLD).
constexpr int kGlibcDefault = 128 * 1024;
#endif

std::mutex scopesMutex;
int activeScopes = 0;

} // namespace

LargeAllocationReuse::LargeAllocationReuse() {
    const std::lock_guard lock(scopesMutex);
    if (activeScopes++ > 0)
        return;
#if defined(__GLIBC__)
    // Best effort: a refused setting only means the old, slower behaviour.
    ::mallopt(M_MMAP_THRESHOLD, kKeepBlocksUpTo);
    ::mallopt(M_TRIM_THRESHOLD, kKeepFreeUpTo);
#endif
}

LargeAllocationReuse::~LargeAllocationReuse() {
    const std::lock_guard lock(scopesMutex);
    if (--activeScopes > 0)
        return;
#if defined(__GLIBC__)
    ::mallopt(M_MMAP_THRESHOLD, kGlibcDefault);
    ::mallopt(M_TRIM_THRESHOLD, kGlibcDefault);
    ::malloc_trim(0);
#endif
}

} // namespace kiosk::os
