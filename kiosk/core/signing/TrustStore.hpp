// The keys a kiosk trusts: every *.pub in its keys folder (several at once, so a new key can be
// rolled out before the old one is retired), minus the key ids listed in keys/revoked.txt.
// revoked.txt holds one key id per line; '#' starts a comment. A revoked key stays revoked even
// while its .pub file is still in the folder.
#pragma once

#include "signing/Keys.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace kiosk::signing {

enum class KeyTrust { Trusted, Unknown, Revoked };

inline constexpr const char* kRevokedKeysFileName = "revoked.txt";
inline constexpr const char* kPublicKeySuffix = ".pub";

class TrustStore {
  public:
    // A missing folder gives an empty store (every signed pack is then refused). Unreadable or
    // malformed files are skipped and listed in problems(); they never make a key trusted.
    static TrustStore loadFromDirectory(const std::filesystem::path& keysDirectory);

    void addTrustedKey(const PublicKey& key);
    void revoke(const std::string& keyId);

    KeyTrust trustOf(const std::string& keyId) const;
    // The key when it is trusted; nullptr when unknown or revoked.
    const PublicKey* trustedKey(const std::string& keyId) const;
    std::vector<std::string> trustedKeyIds() const;
    // For the staff log: files that could not be used, and why.
    const std::vector<std::string>& problems() const { return problems_; }

  private:
    std::map<std::string, PublicKey> keys_;
    std::set<std::string> revoked_;
    std::vector<std::string> problems_;
};

} // namespace kiosk::signing
