#include "os/FaultInjection.hpp"

#include <atomic>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string_view>
#include <unistd.h>

namespace kiosk::os {

namespace {

std::atomic<std::uint64_t> operationCount{0};
std::atomic<std::uint64_t> armedOperation{0};
std::atomic<bool> tracing{false};
std::once_flag environmentRead;

void readEnvironmentOnce() {
    std::call_once(environmentRead, [] {
        if (const char* value = std::getenv("KIOSK_FAULT_AT"); value && *value) {
            std::uint64_t number = 0;
            const std::string_view text(value);
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
            if (error == std::errc() && end == text.data() + text.size())
                armedOperation = number;
        }
        if (const char* value = std::getenv("KIOSK_FAULT_TRACE"); value && std::strcmp(value, "1") == 0)
            tracing = true;
    });
}

} // namespace

void durableOperation(const char* operation, const std::filesystem::path& path) {
    readEnvironmentOnce();
    const std::uint64_t number = ++operationCount;
    if (tracing)
        std::fprintf(stderr, "kiosk fault point %llu: %s %s\n", static_cast<unsigned long long>(number),
                     operation, path.c_str());
    const std::uint64_t armed = armedOperation.load();
    if (armed != 0 && number == armed) {
        // _exit, not exit: no destructors, no flushing, no atexit handlers, like a crash.
        ::_exit(kFaultExitStatus);
    }
}

void armFaultInjection(std::uint64_t operationNumber) {
    readEnvironmentOnce();
    operationCount = 0;
    armedOperation = operationNumber;
}

std::uint64_t durableOperationCount() {
    return operationCount.load();
}

} // namespace kiosk::os
