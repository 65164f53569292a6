// A test hook for the crash-safety proofs. Every operation of the OS layer that changes the
// disk (create, write, fsync, rename, unlink, mkdir) passes through durableOperation() first.
// When armed, the Nth such operation ends the process with _exit(kFaultExitStatus) before it
// runs, as a power cut or a crash would at that moment. The install tests run an install once
// per point and check that the kiosk still starts on a good pack afterwards.
//
// Arming: the environment variable KIOSK_FAULT_AT=N (read once, counting from process start),
// or armFaultInjection(N) (counting from that call). KIOSK_FAULT_TRACE=1 prints every
// operation with its number to standard error, to see which step a number is.
#pragma once

#include <cstdint>
#include <filesystem>

namespace kiosk::os {

inline constexpr int kFaultExitStatus = 99;

// Counts one durable operation on `path`; never returns when this is the armed one.
void durableOperation(const char* operation, const std::filesystem::path& path);

// 0 disarms. Also restarts the count, so N counts from this call.
void armFaultInjection(std::uint64_t operationNumber);
// Durable operations since process start or the last armFaultInjection().
std::uint64_t durableOperationCount();

} // namespace kiosk::os
