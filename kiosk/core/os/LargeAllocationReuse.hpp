// While one of these exists, glibc's allocator keeps freed big blocks (up to 32 MiB each, up to
// 64 MiB in all) for reuse instead of handing them back to the system at once.
//
// Why: checking a pack decodes every picture. Each picture takes several buffers of megabytes
// (SQLite's copy of the bytes, stb_image's compressed and decoded images), freed again before
// the next picture. With glibc's defaults each such buffer is fresh memory from the kernel, and
// touching it costs a page fault per 4 KiB: measured on a 212 MiB pack, 60,000 faults and
// about a third of the checks' time, more than the SHA-256 of every picture. Keeping the
// blocks makes that churn disappear.
//
// On destruction (of the last one, when several overlap) the allocator's settings go back to
// glibc's defaults (128 KiB for both; what the kiosk runs with, as it sets none itself) and
// the memory kept is handed back (malloc_trim). The settings are process-wide: other threads
// allocating meanwhile keep their big blocks a while too, which costs memory, never safety.
// Without glibc this does nothing.
#pragma once

namespace kiosk::os {

class LargeAllocationReuse {
  public:
    LargeAllocationReuse();
    LargeAllocationReuse(const LargeAllocationReuse&) = delete;
    LargeAllocationReuse& operator=(const LargeAllocationReuse&) = delete;
    ~LargeAllocationReuse();
};

} // namespace kiosk::os
