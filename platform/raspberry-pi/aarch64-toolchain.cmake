# Cross compiling for 64-bit Raspberry Pi OS / Debian 12 arm64 on a Debian 12 amd64 machine.
#
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=platform/raspberry-pi/aarch64-toolchain.cmake
#
# Needs crossbuild-essential-arm64 and the :arm64 -dev packages installed through Debian's
# multiarch (dpkg --add-architecture arm64); platform/cross-test-arm64 installs them. The
# libraries then live in /usr/lib/aarch64-linux-gnu beside the amd64 ones, so no sysroot is
# needed: the cross compiler searches the multiarch directories itself.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_ASM_COMPILER aarch64-linux-gnu-gcc)

# Build-time helpers (rsvg-convert, the shell scripts) are the machine's own; libraries and
# headers must be the arm64 ones.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

# pkg-config must read the arm64 .pc files, never the amd64 ones, or we would link amd64
# libraries into an arm64 binary. Debian's architecture-independent .pc files (stb, doctest)
# are in /usr/share/pkgconfig.
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")

# kiosk-pack builds the demo pack at build time and the tests run on this amd64 machine:
# both go through qemu-user. QEMU_LD_PREFIX is not needed because the arm64 loader and
# libraries are installed through multiarch at their usual paths.
find_program(KIOSK_QEMU_AARCH64 NAMES qemu-aarch64-static qemu-aarch64)
if(KIOSK_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${KIOSK_QEMU_AARCH64})
endif()
