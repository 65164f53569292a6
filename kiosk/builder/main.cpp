// kiosk-pack: builds content packs from source folders and describes pack files.
#include "CommandLine.hpp"

#include <exception>
#include <iostream>
#include <string>
#include <vector>

int main(int argumentCount, char** argumentValues) {
    const std::vector<std::string> arguments(argumentValues + 1, argumentValues + argumentCount);
    try {
        return kiosk::builder::runCommandLine(arguments, std::cout, std::cerr);
    } catch (const std::exception& error) {
        std::cerr << "kiosk-pack: " << error.what() << '\n';
        return kiosk::builder::kExitFailure;
    }
}
