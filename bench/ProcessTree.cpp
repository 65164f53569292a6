#include "ProcessTree.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace kiosk::bench {

namespace {

// The parent of `pid`, from /proc/PID/stat (the command may contain spaces and brackets,
// so the fields are counted after the last ')').
pid_t parentOf(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line))
        return -1;
    const std::size_t end = line.rfind(')');
    if (end == std::string::npos)
        return -1;
    std::istringstream fields(line.substr(end + 2));
    char state = 0;
    pid_t parent = -1;
    fields >> state >> parent;
    return parent;
}

std::uint64_t fieldKilobytes(const std::string& file, const std::string& name) {
    std::ifstream input(file);
    std::string line;
    while (std::getline(input, line))
        if (line.rfind(name, 0) == 0)
            return std::stoull(line.substr(name.size()));
    return 0;
}

} // namespace

std::vector<pid_t> processTree(pid_t root) {
    std::multimap<pid_t, pid_t> children;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", error)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const pid_t pid = std::stoi(name);
        children.emplace(parentOf(pid), pid);
    }
    std::vector<pid_t> tree{root};
    for (std::size_t index = 0; index < tree.size(); ++index) {
        const auto [first, last] = children.equal_range(tree[index]);
        for (auto child = first; child != last; ++child)
            tree.push_back(child->second);
    }
    return tree;
}

TreeMemory treeMemory(pid_t root) {
    TreeMemory memory;
    for (const pid_t pid : processTree(root)) {
        const std::string base = "/proc/" + std::to_string(pid);
        const std::uint64_t rss = fieldKilobytes(base + "/status", "VmRSS:");
        if (rss == 0)
            continue; // gone, or a zombie
        memory.rssKilobytes += rss;
        memory.pssKilobytes += fieldKilobytes(base + "/smaps_rollup", "Pss:");
        ++memory.processes;
    }
    return memory;
}

std::uint64_t ownRssKilobytes() {
    return fieldKilobytes("/proc/self/status", "VmRSS:");
}

} // namespace kiosk::bench
