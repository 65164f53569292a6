// The hash pack signatures cover (signing/ChunkedSha256.hpp): its definition, computed
// independently, and the parallel file hasher that follows a copy as it is written.
#include "install_test_helpers.hpp"

#include "os/FileStreaming.hpp"
#include "signing/ChunkedSha256.hpp"

#include <chrono>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::signing;
using namespace kiosk::install::test;

TEST_CASE("chunked hash: the definition, as computed by Python's hashlib") {
    // sha256(b"".join(sha256(data[i:i + 2**20]).digest() for i in range(0, len(data), 2**20)))
    // with data[i] = (i * 7 + i // 251) & 0xff, as in the comment of ChunkedSha256.hpp.
    CHECK(chunkedSha256Hex({}) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(chunkedSha256Hex(patternBytes(1024 * 1024)) ==
          "87c51d8df8c08ae3aef390ad634b258177ec139262c7c9bd23f6ee553a4bc10c");
    CHECK(chunkedSha256Hex(patternBytes(5 * 512 * 1024 + 3)) ==
          "aa3e40c238fe1a9a71203c7d71799ccfd596966155a718563216730d4877a4af");
}

TEST_CASE("chunked hash: any changed, added or removed byte changes it") {
    const std::vector<std::uint8_t> bytes = patternBytes(3 * kPackHashChunkBytes + 10);
    const std::string original = chunkedSha256Hex(bytes);
    for (const std::size_t position : {std::size_t{0}, kPackHashChunkBytes - 1, kPackHashChunkBytes,
                                       2 * kPackHashChunkBytes + 5, bytes.size() - 1}) {
        std::vector<std::uint8_t> changed = bytes;
        changed[position] ^= 1;
        CHECK(chunkedSha256Hex(changed) != original);
    }
    std::vector<std::uint8_t> longer = bytes;
    longer.push_back(0);
    CHECK(chunkedSha256Hex(longer) != original);
    CHECK(chunkedSha256Hex(std::span(bytes).first(bytes.size() - 1)) != original);
}

TEST_CASE("chunked hash: a file hashed on 1 to 4 threads equals the bytes hashed in memory") {
    const ScratchFolder folder;
    for (const std::size_t size :
         {std::size_t{0}, std::size_t{1}, kPackHashChunkBytes - 1, kPackHashChunkBytes,
          kPackHashChunkBytes + 1, 7 * kPackHashChunkBytes / 2}) {
        CAPTURE(size);
        const std::vector<std::uint8_t> bytes = patternBytes(size);
        const std::filesystem::path file = folder.path() / ("file-" + std::to_string(size));
        writeFile(file, bytes);
        const std::string expected = chunkedSha256Hex(bytes);
        CHECK(chunkedSha256HexOfFile(file) == expected);
        for (unsigned threads = 1; threads <= 4; ++threads) {
            ChunkedFileHasher hasher(file, size, threads);
            hasher.bytesWritten(size);
            CHECK(hasher.finishHex() == expected);
        }
    }
}

TEST_CASE("chunked hash: the file hasher follows a writer, reporting progress up to the total") {
    const ScratchFolder folder;
    const std::filesystem::path file = folder.path() / "growing";
    const std::vector<std::uint8_t> bytes = patternBytes(9 * kPackHashChunkBytes / 2 + 77);
    ChunkedFileHasher hasher(file, bytes.size(), 3);
    std::thread writer([&] {
        const os::FileDescriptor output(::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
        REQUIRE(output.valid());
        // Odd pieces, so that chunks become complete in the middle of a write.
        for (std::size_t offset = 0; offset < bytes.size(); offset += 300 * 1024) {
            const std::size_t piece = std::min<std::size_t>(300 * 1024, bytes.size() - offset);
            os::writeAllOrThrow(output, std::span(bytes).subspan(offset, piece), file);
            hasher.bytesWritten(offset + piece);
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    std::vector<std::uint64_t> reported;
    const std::string hash = hasher.finishHex([&](std::uint64_t hashed) {
        reported.push_back(hashed);
        return true;
    });
    writer.join();
    CHECK(hash == chunkedSha256Hex(bytes));
    REQUIRE(!reported.empty());
    CHECK(std::is_sorted(reported.begin(), reported.end()));
    CHECK(reported.back() == bytes.size());
}

TEST_CASE("chunked hash: a short file, a cancel and an abandoned hasher all end cleanly") {
    const ScratchFolder folder;
    const std::filesystem::path file = folder.path() / "file";
    const std::vector<std::uint8_t> bytes = patternBytes(3 * kPackHashChunkBytes);
    writeFile(file, bytes);

    // The writer claims more than the file holds: read back, it ends early.
    {
        ChunkedFileHasher hasher(file, bytes.size() + 10, 2);
        hasher.bytesWritten(bytes.size() + 10);
        CHECK_THROWS_WITH_AS(hasher.finishHex(), doctest::Contains("ended early"), os::SourceReadError);
    }
    {
        ChunkedFileHasher hasher(file, bytes.size(), 2);
        hasher.bytesWritten(bytes.size());
        CHECK_THROWS_AS(hasher.finishHex([](std::uint64_t) { return false; }), os::CopyCancelled);
    }
    // The copy failed halfway: the helpers wait for chunks that never come, and must not keep
    // the destructor waiting (a hang here fails the test by its time limit).
    {
        ChunkedFileHasher hasher(file, bytes.size(), 4);
        hasher.bytesWritten(kPackHashChunkBytes + 5);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }

    CHECK_THROWS_AS(chunkedSha256HexOfFile(folder.path() / "missing"), os::SourceReadError);
    CHECK_THROWS_AS(chunkedSha256HexOfFile(folder.path()), os::SourceReadError);
}
