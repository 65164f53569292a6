#include "signing/TrustStore.hpp"

#include "os/FileStatus.hpp"
#include "os/FileSystem.hpp"
#include "signing/KeyFiles.hpp"
#include "signing/SigningError.hpp"

#include <sstream>

namespace kiosk::signing {

namespace {

constexpr std::uint64_t kMaximumKeyFileBytes = 4096;
constexpr std::uint64_t kMaximumRevocationFileBytes = 1024 * 1024;

std::string trimmed(const std::string& text) {
    const std::size_t first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos)
        return {};
    const std::size_t last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

} // namespace

TrustStore TrustStore::loadFromDirectory(const std::filesystem::path& keysDirectory) {
    TrustStore store;
    std::vector<os::DirectoryEntry> entries;
    try {
        entries = os::listDirectory(keysDirectory);
    } catch (const os::FileError& error) {
        if (os::linkStatus(keysDirectory))
            store.problems_.push_back(error.what());
        return store;
    }
    for (const os::DirectoryEntry& entry : entries) {
        const std::filesystem::path path = keysDirectory / entry.name;
        if (entry.name == kRevokedKeysFileName) {
            try {
                std::istringstream lines(os::readTextFile(path, kMaximumRevocationFileBytes));
                std::string line;
                int lineNumber = 0;
                while (std::getline(lines, line)) {
                    ++lineNumber;
                    const std::size_t comment = line.find('#');
                    const std::string keyId =
                        trimmed(comment == std::string::npos ? line : line.substr(0, comment));
                    if (keyId.empty())
                        continue;
                    if (isWellFormedKeyId(keyId))
                        store.revoke(keyId);
                    else
                        store.problems_.push_back(path.string() + ":" + std::to_string(lineNumber) +
                                                  ": not a key id (16 lowercase hex digits)");
                }
            } catch (const os::FileError& error) {
                store.problems_.push_back(error.what());
            }
            continue;
        }
        if (entry.name.starts_with(".") || !entry.name.ends_with(kPublicKeySuffix))
            continue;
        if (entry.status.type != os::FileType::Regular) {
            store.problems_.push_back(path.string() + ": not a regular file");
            continue;
        }
        try {
            store.addTrustedKey(parsePublicKeyFile(os::readTextFile(path, kMaximumKeyFileBytes)));
        } catch (const std::exception& error) {
            store.problems_.push_back(path.string() + ": " + error.what());
        }
    }
    return store;
}

void TrustStore::addTrustedKey(const PublicKey& key) {
    keys_[key.keyId] = key;
}

void TrustStore::revoke(const std::string& keyId) {
    revoked_.insert(keyId);
}

KeyTrust TrustStore::trustOf(const std::string& keyId) const {
    if (revoked_.contains(keyId))
        return KeyTrust::Revoked;
    return keys_.contains(keyId) ? KeyTrust::Trusted : KeyTrust::Unknown;
}

const PublicKey* TrustStore::trustedKey(const std::string& keyId) const {
    if (trustOf(keyId) != KeyTrust::Trusted)
        return nullptr;
    return &keys_.at(keyId);
}

std::vector<std::string> TrustStore::trustedKeyIds() const {
    std::vector<std::string> ids;
    for (const auto& [keyId, key] : keys_)
        if (!revoked_.contains(keyId))
            ids.push_back(keyId);
    return ids;
}

} // namespace kiosk::signing
