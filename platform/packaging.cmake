# Installation layout and the Debian package (CPack), for amd64 and, cross compiled with
# platform/raspberry-pi/aarch64-toolchain.cmake, for arm64:
#
#   cmake --build build && cpack --config build/CPackConfig.cmake -B build/packages
#   platform/raspberry-pi/build-debs      (both architectures, and lists what is inside)
#
# The package puts the programs in /usr/bin, the assets where the kiosk looks for them when
# it is not running from a build folder (/usr/share/commune-kiosk/assets), and the
# deployment files of platform/raspberry-pi/ where systemd and udev read them. It does not
# start anything: platform/raspberry-pi/install (or the README's steps) enables the units on
# a board, so installing the package on a developer's machine never takes its screen.
include(GNUInstallDirs)

set(KIOSK_PI_DIR ${CMAKE_CURRENT_LIST_DIR}/raspberry-pi)
set(KIOSK_LIBEXEC_DIR lib/commune-kiosk)          # helper scripts run by systemd and udev
set(KIOSK_SYSTEMD_UNIT_DIR lib/systemd/system)
set(KIOSK_UDEV_RULES_DIR lib/udev/rules.d)

foreach(program kiosk kiosk-pack kiosk-stats)
  if(TARGET ${program})
    install(TARGETS ${program} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  endif()
endforeach()

if(TARGET kiosk_assets)
  # Only what the kiosk loads at run time: not the build's bookkeeping files.
  install(DIRECTORY ${KIOSK_ASSET_DIR}/ DESTINATION share/commune-kiosk/assets
          FILES_MATCHING PATTERN "*.ttf" PATTERN "*.png" PATTERN "*.tsv" PATTERN "*.ogg"
          PATTERN "CMakeFiles" EXCLUDE)
endif()

install(FILES
    ${KIOSK_PI_DIR}/systemd/commune-kiosk.service
    ${KIOSK_PI_DIR}/systemd/commune-kiosk-usb@.service
    ${KIOSK_PI_DIR}/systemd/commune-kiosk-export.path
    ${KIOSK_PI_DIR}/systemd/commune-kiosk-export.service
    ${KIOSK_PI_DIR}/systemd/commune-kiosk-screen.service
    ${KIOSK_PI_DIR}/systemd/commune-kiosk-screen.timer
  DESTINATION ${KIOSK_SYSTEMD_UNIT_DIR})
install(FILES ${KIOSK_PI_DIR}/udev/90-commune-kiosk-usb.rules DESTINATION ${KIOSK_UDEV_RULES_DIR})
if(TARGET kiosk-usb-copy)
  install(TARGETS kiosk-usb-copy RUNTIME DESTINATION ${KIOSK_LIBEXEC_DIR})
endif()
install(PROGRAMS
    ${KIOSK_PI_DIR}/bin/usb-stick
    ${KIOSK_PI_DIR}/bin/usb-export
    ${KIOSK_PI_DIR}/bin/screen-schedule
  DESTINATION ${KIOSK_LIBEXEC_DIR})
install(FILES ${KIOSK_PI_DIR}/config/kiosk.conf ${KIOSK_PI_DIR}/config/screen-schedule.conf
        DESTINATION /etc/commune-kiosk)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME commune-kiosk)
set(CPACK_PACKAGE_VENDOR "Commune kiosk project")
set(CPACK_PACKAGE_CONTACT "Commune kiosk maintainers <kiosk@localhost>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Touch information kiosk for commune offices")
set(CPACK_PACKAGE_DESCRIPTION "A full-screen touch kiosk that shows content packs of pictures and texts \
about policies, programmes and meetings; kiosk-pack builds packs and kiosk-stats merges usage statistics.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends comes from the libraries the programs link (dpkg-shlibdeps), plus what they open
# by path: kiosk-pack checks texts against the Noto fonts, and the helpers use util-linux.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The kiosk carries the demo pack inside it; symbols only make a Zero 2 W's SD card fuller.
set(CPACK_STRIP_FILES ON)
# SDL opens EGL and GLES at run time (dlopen), so dpkg-shlibdeps cannot see them; its KMS/DRM
# driver needs them even to draw in software, through Mesa's DRI drivers (vc4/v3d on a Pi,
# kms_swrast elsewhere). Found by the emulated board: without them the kiosk never starts.
# alsa-utils keeps the mixer across boots; the emulated board's sound card started muted.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "adduser, fonts-noto-core, util-linux, systemd, udev, libegl1, libgles2, libegl-mesa0, libgl1-mesa-dri, alsa-utils")
# ntfs-3g: NTFS sticks on kernels without ntfs3 (Debian's), read-only (usb-stick).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "dosfstools, exfatprogs, ntfs-3g")
if(CMAKE_CROSSCOMPILING)
  # dpkg --print-architecture would name the build machine's architecture, not the board's.
  if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
    set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
  elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^arm")
    set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE armhf)
  endif()
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${KIOSK_PI_DIR}/debian/postinst ${KIOSK_PI_DIR}/debian/prerm ${KIOSK_PI_DIR}/debian/postrm
    ${KIOSK_PI_DIR}/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
