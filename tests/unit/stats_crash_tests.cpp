// Power-cut and corruption behaviour: a child process counts and commits, is killed with
// SIGKILL, and the parent checks that exactly the committed counts survived.
#include "stats_test_support.hpp"

#include "os/FileSystem.hpp"
#include "time/Clock.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace kiosk::stats;
using namespace kiosk::stats::testing;

namespace {

class Pipe {
  public:
    Pipe() {
        int ends[2];
        if (::pipe(ends) != 0)
            throw std::runtime_error("pipe failed");
        readEnd_ = kiosk::os::FileDescriptor(ends[0]);
        writeEnd_ = kiosk::os::FileDescriptor(ends[1]);
    }
    kiosk::os::FileDescriptor& readEnd() { return readEnd_; }
    kiosk::os::FileDescriptor& writeEnd() { return writeEnd_; }

  private:
    kiosk::os::FileDescriptor readEnd_;
    kiosk::os::FileDescriptor writeEnd_;
};

void writeNumber(int fd, std::int64_t value) {
    if (::write(fd, &value, sizeof value) != sizeof value)
        ::_exit(3);
}

// False at end of file (the child died).
bool readNumber(int fd, std::int64_t& value) {
    std::size_t done = 0;
    auto* bytes = reinterpret_cast<char*>(&value);
    while (done < sizeof value) {
        const ssize_t result = ::read(fd, bytes + done, sizeof value - done);
        if (result <= 0)
            return false;
        done += static_cast<std::size_t>(result);
    }
    return true;
}

void killAndReap(pid_t child) {
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
}

} // namespace

TEST_CASE("stats: after kill -9 every committed count survives exactly, and only those") {
    TemporaryFolder data;
    Pipe pipe;
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child: count, commit, count more without committing, report, wait to die.
        pipe.readEnd() = kiosk::os::FileDescriptor();
        FakeKernel kernel;
        kiosk::time::VirtualClock clock(morningWallSeconds);
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        for (int view = 0; view < 37; ++view)
            recorder.pageViewed("p1", "vie");
        recorder.pageLeft("p1", "vie", 50'000);
        clock.advance(30'000);
        recorder.commitWhenDue(); // committed: 37 views, 1 dwell
        for (int view = 0; view < 5; ++view)
            recorder.pageViewed("p1", "vie"); // pending: lost by the kill
        recorder.sessionStarted();
        recorder.wentIdle();              // committed: 42 views, 1 session
        recorder.pageViewed("p2", "hmn"); // pending
        clock.advance(10'000);
        recorder.commitWhenDue(); // not yet 30 s: stays pending
        writeNumber(pipe.writeEnd().get(), 1);
        for (;;)
            ::pause();
    }
    pipe.writeEnd() = kiosk::os::FileDescriptor();
    std::int64_t ready = 0;
    REQUIRE(readNumber(pipe.readEnd().get(), ready));
    killAndReap(child);

    const CountTable counts = committedCounts(data.path());
    CHECK(total(counts, "page_view", "p1", "vie") == 42);
    CHECK(total(counts, "dwell", "p1", "vie", "30s_to_2min") == 1);
    CHECK(total(counts, "session_started") == 1);
    CHECK(total(counts, "page_view", "p2", "hmn") == 0);
}

TEST_CASE("stats: kill -9 at a random moment of a stream of commits loses nothing committed") {
    TemporaryFolder data;
    Pipe pipe;
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        pipe.readEnd() = kiosk::os::FileDescriptor();
        FakeKernel kernel;
        kiosk::time::VirtualClock clock(morningWallSeconds);
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        std::int64_t committed = 0;
        for (int batch = 1;; ++batch) {
            for (int view = 0; view < batch % 7 + 1; ++view)
                recorder.pageViewed("p1", "vie");
            committed += batch % 7 + 1;
            recorder.flush();
            writeNumber(pipe.writeEnd().get(), committed);
        }
    }
    pipe.writeEnd() = kiosk::os::FileDescriptor();
    // Let the child commit a while, then kill it in the middle of whatever it is doing.
    std::int64_t lastReported = 0;
    std::int64_t value = 0;
    for (int reports = 0; reports < 60 && readNumber(pipe.readEnd().get(), value); ++reports)
        lastReported = value;
    killAndReap(child);
    while (readNumber(pipe.readEnd().get(), value)) // reports already in the pipe
        lastReported = value;

    const std::int64_t survived = total(committedCounts(data.path()), "page_view", "p1", "vie");
    // The kill may land after a commit returned but before its report was written: at most
    // one batch (at most 7 views) more than the last report, never less.
    CHECK(survived >= lastReported);
    CHECK(survived <= lastReported + 7);
    CHECK(lastReported >= 60);
}

TEST_CASE("stats: a stats.db full of garbage is set aside and counting restarts") {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    std::string kioskId;
    {
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        kioskId = recorder.kioskId();
        recorder.pageViewed("p1", "vie");
    }
    std::string garbage(8192, '\0');
    for (std::size_t index = 0; index < garbage.size(); ++index)
        garbage[index] = static_cast<char>((index * 7919 + 13) % 251);
    kiosk::os::writeFileAtomically(data.path() / "stats.db", garbage);
    // A WAL left next to a broken file must go with it, or it could be replayed into the fresh one.
    kiosk::os::writeFileAtomically(data.path() / "stats.db-wal", std::string("stale wal"));

    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    const RecorderHealth health = recorder.health();
    CHECK(health.persisting);
    REQUIRE(health.setAsideDatabase.has_value());
    CHECK(*health.setAsideDatabase == data.path() / "stats.db.corrupt-1");
    CHECK(kiosk::os::readTextFile(data.path() / "stats.db.corrupt-1", 1 << 20) ==
          garbage); // kept, byte for byte
    CHECK(kiosk::os::readTextFile(data.path() / "stats.db.corrupt-1-wal", 100) == "stale wal");
    CHECK(recorder.kioskId() == kioskId);
    CHECK(committedCounts(data.path()).empty());
    recorder.pageViewed("p1", "vie");
    recorder.flush();
    CHECK(total(committedCounts(data.path()), "page_view", "p1", "vie") == 1);
}

TEST_CASE("stats: a stats.db with damaged pages fails its check and is set aside") {
    TemporaryFolder data;
    FakeKernel kernel;
    kiosk::time::VirtualClock clock(morningWallSeconds);
    {
        UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
        for (int page = 0; page < 400; ++page)
            recorder.pageViewed("page-" + std::to_string(page), "vie");
    }
    std::string bytes = kiosk::os::readTextFile(data.path() / "stats.db", 1 << 24);
    REQUIRE(bytes.size() > 3 * 4096);
    for (std::size_t index = 4096 + 100; index < 3 * 4096; ++index)
        bytes[index] = static_cast<char>(0xA5);
    kiosk::os::writeFileAtomically(data.path() / "stats.db", bytes);

    UsageRecorder recorder(clock, optionsFor(data.path(), kernel));
    REQUIRE(recorder.health().setAsideDatabase.has_value());
    CHECK(std::filesystem::exists(data.path() / "stats.db.corrupt-1"));
    CHECK(committedCounts(data.path()).empty());
    recorder.pageViewed("fresh", "vie");
    recorder.flush();
    CHECK(total(committedCounts(data.path()), "page_view", "fresh", "vie") == 1);
    // A second corruption gets the next free name.
    recorder.close();
    kiosk::os::writeFileAtomically(data.path() / "stats.db", std::string(4096, 'x'));
    UsageRecorder again(clock, optionsFor(data.path(), kernel));
    REQUIRE(again.health().setAsideDatabase.has_value());
    CHECK(*again.health().setAsideDatabase == data.path() / "stats.db.corrupt-2");
}
