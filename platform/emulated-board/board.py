"""The emulated board: one QEMU machine booted from make-image's disk, and the three ways a
test talks to it. Python's standard library only (Debian's python3).

  QMP (qmp.sock)       the machine: screen dumps, touches, USB sticks, power
  guest agent (qga.sock) commands and files inside the guest, as root
  board.wav            everything the guest's sound card played (intel-hda, -audiodev wav)

The guest has no network. Its clock starts at the time given (office hours, so that the
screen schedule keeps the kiosk on), not the host's.
"""

import base64
import json
import math
import os
import socket
import struct
import subprocess
import time


class BoardError(Exception):
    pass


class JsonChannel:
    """A line-delimited JSON connection over a UNIX socket (QMP and the guest agent speak it)."""

    def __init__(self, path, timeout):
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.connect(path)
                break
            except OSError:
                self.sock.close()
                if time.monotonic() > deadline:
                    raise BoardError(f"no socket at {path} after {timeout} s")
                time.sleep(0.2)
        self.buffer = b""

    def send(self, message):
        self.sock.sendall(json.dumps(message).encode() + b"\n")

    def receive(self, timeout):
        self.sock.settimeout(timeout)
        while b"\n" not in self.buffer:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise BoardError("the connection closed")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def close(self):
        self.sock.close()


class Qmp:
    def __init__(self, path):
        self.channel = JsonChannel(path, 30)
        self.channel.receive(30)  # the greeting
        self.execute("qmp_capabilities")
        self.events = []

    def execute(self, command, timeout=60, **arguments):
        message = {"execute": command}
        if arguments:
            message["arguments"] = arguments
        self.channel.send(message)
        while True:
            reply = self.channel.receive(timeout)
            if "event" in reply:
                self.events.append(reply)
                continue
            if "error" in reply:
                raise BoardError(f"QMP {command}: {reply['error'].get('desc')}")
            return reply.get("return")

    def wait_event(self, name, timeout, **data):
        """The first event NAME (seen already or arriving within timeout) whose data has these fields."""
        def matches(event):
            return event.get("event") == name and all(event.get("data", {}).get(k) == v for k, v in data.items())
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events:
                if matches(event):
                    self.events.remove(event)
                    return event
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BoardError(f"no QMP event {name} {data} within {timeout} s")
            try:
                reply = self.channel.receive(remaining)
            except socket.timeout:
                continue
            if "event" in reply:
                self.events.append(reply)


class GuestAgent:
    """qemu-guest-agent in the guest. Each call re-synchronises, because the agent may have
    restarted with the guest (a reboot) and left half an answer in the socket."""

    def __init__(self, path):
        self.path = path
        self.channel = None
        self.sync_id = int(time.time())

    def _connect(self, timeout):
        if self.channel:
            self.channel.close()
        self.channel = JsonChannel(self.path, timeout)
        self.sync_id += 1
        self.channel.send({"execute": "guest-sync", "arguments": {"id": self.sync_id}})
        while True:
            reply = self.channel.receive(timeout)
            if reply.get("return") == self.sync_id:
                return

    def wait_until_up(self, timeout):
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._connect(5)
                return
            except (OSError, BoardError, socket.timeout, json.JSONDecodeError):
                if time.monotonic() > deadline:
                    raise BoardError(f"the guest agent did not answer within {timeout} s")
                time.sleep(1)

    def execute(self, command, timeout=60, **arguments):
        if self.channel is None:
            self._connect(timeout)
        message = {"execute": command}
        if arguments:
            message["arguments"] = arguments
        try:
            self.channel.send(message)
            reply = self.channel.receive(timeout)
        except (OSError, json.JSONDecodeError) as error:
            # The guest rebooted under us, or the agent restarted: connect afresh next time.
            self.channel.close()
            self.channel = None
            raise BoardError(f"guest agent {command}: {error}") from error
        if "error" in reply:
            raise BoardError(f"guest agent {command}: {reply['error'].get('desc')}")
        return reply.get("return")

    def run(self, argv, timeout=120, check=True):
        """Runs argv in the guest as root; returns (exit code, stdout + stderr)."""
        started = self.execute("guest-exec", path=argv[0], arg=argv[1:], **{"capture-output": True})
        deadline = time.monotonic() + timeout
        while True:
            status = self.execute("guest-exec-status", pid=started["pid"])
            if status.get("exited"):
                break
            if time.monotonic() > deadline:
                raise BoardError(f"{' '.join(argv)} still runs in the guest after {timeout} s")
            time.sleep(0.2)
        output = base64.b64decode(status.get("out-data", "")).decode(errors="replace")
        output += base64.b64decode(status.get("err-data", "")).decode(errors="replace")
        code = status.get("exitcode", -1)
        if check and code != 0:
            raise BoardError(f"{' '.join(argv)} exited {code} in the guest:\n{output}")
        return code, output

    def spawn(self, argv):
        """Starts argv in the guest and does not wait (a reboot ends the agent with it)."""
        self.execute("guest-exec", path=argv[0], arg=argv[1:])

    def boot_id(self):
        return self.read_file("/proc/sys/kernel/random/boot_id").decode().strip()

    def wait_for_new_boot(self, previous_boot_id, timeout):
        """After a reboot: until the agent of a boot other than `previous_boot_id` answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                self.wait_until_up(max(1, deadline - time.monotonic()))
                if self.boot_id() != previous_boot_id:
                    return
            except BoardError:
                pass
            time.sleep(2)
        raise BoardError(f"the guest did not come back from its reboot within {timeout} s")

    def shell(self, script, timeout=120, check=True):
        return self.run(["/bin/sh", "-c", script], timeout, check)

    def write_file(self, path, data, mode=None):
        handle = self.execute("guest-file-open", path=path, mode="w")
        for offset in range(0, len(data), 1 << 20):
            chunk = base64.b64encode(data[offset:offset + (1 << 20)]).decode()
            self.execute("guest-file-write", handle=handle, **{"buf-b64": chunk})
        self.execute("guest-file-close", handle=handle)
        if mode is not None:
            self.run(["/bin/chmod", oct(mode)[2:], path])

    def read_file(self, path):
        handle = self.execute("guest-file-open", path=path, mode="r")
        data = b""
        while True:
            chunk = self.execute("guest-file-read", handle=handle, count=1 << 20)
            data += base64.b64decode(chunk.get("buf-b64", ""))
            if chunk.get("eof"):
                break
        self.execute("guest-file-close", handle=handle)
        return data


class Screen:
    """A QMP screendump (PPM, P6): width, height and RGB bytes."""

    def __init__(self, path):
        with open(path, "rb") as file:
            data = file.read()
        fields = []
        position = 0
        while len(fields) < 4:
            while data[position:position + 1].isspace():
                position += 1
            if data[position:position + 1] == b"#":
                position = data.index(b"\n", position)
                continue
            end = position
            while not data[end:end + 1].isspace():
                end += 1
            fields.append(data[position:end])
            position = end
        if fields[0] != b"P6":
            raise BoardError(f"{path} is not a binary PPM")
        self.width, self.height = int(fields[1]), int(fields[2])
        self.rgb = data[position + 1:position + 1 + self.width * self.height * 3]

    def mean_level(self):
        return sum(self.rgb[::97]) / max(1, len(self.rgb[::97]))


def psnr(first_rgb, second_rgb):
    """Peak signal-to-noise ratio in dB of two equal-sized RGB byte strings."""
    if len(first_rgb) != len(second_rgb):
        raise BoardError("the two screens differ in size")
    squares = sum((a - b) * (a - b) for a, b in zip(first_rgb, second_rgb))
    if squares == 0:
        return float("inf")
    mean = squares / len(first_rgb)
    return 10 * math.log10(255 * 255 / mean)


def wav_samples(path, last_seconds=None):
    """The signed 16-bit samples QEMU's wav audiodev wrote so far (it writes the sizes in
    the header only when it stops, so the length is the file's)."""
    with open(path, "rb") as file:
        data = file.read()
    if len(data) < 44 or data[:4] != b"RIFF":
        return [], 0, 0
    channels, rate = struct.unpack_from("<HI", data, 22)
    body = data[44:]
    body = body[:len(body) // 2 * 2]
    if last_seconds is not None:
        keep = int(last_seconds * rate * channels) * 2
        body = body[-keep:]
    samples = struct.unpack(f"<{len(body) // 2}h", body)
    return samples, channels, rate


def rms(samples):
    if not samples:
        return 0.0
    return (sum(s * s for s in samples) / len(samples)) ** 0.5


TOUCH_FIFO = "/run/touchscreen.fifo"


class Board:
    """One QEMU run. `disk` is used through a qcow2 overlay, so the image stays as made."""

    def __init__(self, architecture, image_dir, work_dir, clock="2026-12-02T09:00:00", memory_mb=1024):
        self.architecture = architecture
        self.image_dir = image_dir
        self.work = work_dir
        os.makedirs(self.work, exist_ok=True)
        self.clock = clock
        self.memory_mb = memory_mb
        self.process = None
        self.qmp = None
        self.agent = None
        self.wav = os.path.join(self.work, "board.wav")
        self.console = os.path.join(self.work, "console.log")
        self.overlay = os.path.join(self.work, "overlay.qcow2")

    def create_overlay(self):
        base = os.path.join(self.image_dir, f"board-{self.architecture}.img")
        if os.path.exists(self.overlay):
            os.remove(self.overlay)
        subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", "-b", base, "-F", "raw", self.overlay], check=True)

    def command_line(self):
        image = self.image_dir
        arch = self.architecture
        common = [
            "-m", str(self.memory_mb), "-smp", "2", "-nic", "none",
            "-kernel", os.path.join(image, f"vmlinuz-{arch}"),
            "-initrd", os.path.join(image, f"initrd-{arch}.img"),
            "-drive", f"file={self.overlay},if=none,id=root,format=qcow2,cache=unsafe",
            "-device", "virtio-blk-pci,drive=root",
            "-device", "qemu-xhci,id=xhci",
            "-audiodev", f"wav,id=sound,path={self.wav}",
            "-device", "intel-hda", "-device", "hda-output,audiodev=sound",
            "-chardev", f"socket,path={os.path.join(self.work, 'qga.sock')},server=on,wait=off,id=agent",
            "-device", "virtio-serial-pci",
            "-device", "virtserialport,chardev=agent,name=org.qemu.guest_agent.0",
            "-qmp", f"unix:{os.path.join(self.work, 'qmp.sock')},server=on,wait=off",
            "-rtc", f"base={self.clock},clock=vm",
            "-display", "none", "-serial", f"file:{self.console}",
        ]
        if arch == "amd64":
            return ["qemu-system-x86_64", "-M", "q35", "-cpu", "Nehalem", "-vga", "none", "-device", "virtio-gpu-pci",
                    "-append", "root=/dev/vda rw console=ttyS0 quiet"] + common
        return ["qemu-system-aarch64", "-M", "virt", "-cpu", "cortex-a72", "-device", "virtio-gpu-pci",
                "-append", "root=/dev/vda rw console=ttyAMA0 quiet"] + common

    def start(self):
        for name in ("qmp.sock", "qga.sock"):
            path = os.path.join(self.work, name)
            if os.path.exists(path):
                os.remove(path)
        self.process = subprocess.Popen(self.command_line(), stdout=open(os.path.join(self.work, "qemu.log"), "w"),
                                        stderr=subprocess.STDOUT)
        self.qmp = Qmp(os.path.join(self.work, "qmp.sock"))
        self.agent = GuestAgent(os.path.join(self.work, "qga.sock"))

    def stop(self):
        if self.process and self.process.poll() is None:
            self._quit(20)

    def _quit(self, timeout):
        """QMP quit, then the QEMU process gone (killed if it has not left within timeout)."""
        try:
            self.qmp.execute("quit")
        except (BoardError, OSError):
            pass  # QEMU may close the socket before it answers
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def power_cut(self):
        """The power goes and comes back: a hard reset, without the guest flushing or
        unmounting anything. What the guest had not yet written to its disk is lost; what it
        had written but not flushed is kept (cache=unsafe), so this is the milder cut."""
        self.qmp.execute("system_reset")

    def power_off_and_on(self):
        """The harder cut: the whole machine goes (QMP quit: no reset, no flush, every stick
        gone with it), and a new one starts on the same disk, its clock where the old one's was,
        as a board's real-time clock would keep it. Returns once the guest agent answers."""
        try:
            guest_time = self.agent.shell("date -u +%Y-%m-%dT%H:%M:%S", timeout=10)[1].strip()
        except BoardError:
            guest_time = ""
        self._quit(30)
        if guest_time:
            self.clock = guest_time
        self.start()
        self.agent.wait_until_up(600)

    def screen(self, name):
        path = os.path.join(self.work, name)
        self.qmp.execute("screendump", filename=path)
        return Screen(path)

    def plug_stick(self, name, image):
        """A USB stick (a raw disk image on the host) plugged into the xhci port now, as a
        field officer would: the guest's udev sees a new USB disk."""
        self.qmp.execute("blockdev-add", driver="raw", **{"node-name": f"{name}-disk"},
                         file={"driver": "file", "filename": os.path.abspath(image)})
        self.qmp.execute("device_add", driver="usb-storage", bus="xhci.0", drive=f"{name}-disk", id=name,
                         removable=True)

    def pull_stick(self, name, timeout=60):
        """The stick pulled out: the guest is told the device is gone, and the image file is
        the host's again (QEMU has written everything the guest wrote)."""
        self.qmp.execute("device_del", id=name)
        self.qmp.wait_event("DEVICE_DELETED", timeout, device=name)
        self.qmp.execute("blockdev-del", **{"node-name": f"{name}-disk"})

    def install_touch_panel(self, width, height):
        """A touch panel present from boot, as on a board (see `touchscreen`): a unit ordered before
        the kiosk's creates it, so the kiosk finds it at start and gets finger events."""
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "touchscreen"), "rb") as file:
            self.agent.write_file("/usr/local/sbin/emulated-touch-panel", file.read(), 0o755)
        unit = f"""[Unit]
Description=Emulated board: touch panel (uinput)
Before=commune-kiosk.service

[Service]
ExecStartPre=/bin/sh -c 'rm -f {TOUCH_FIFO}; mkfifo {TOUCH_FIFO}'
ExecStart=/usr/local/sbin/emulated-touch-panel {width} {height} {TOUCH_FIFO}
# The kiosk waits for nothing; the panel must exist before it starts, as a real panel does.
ExecStartPost=/bin/sh -c 'until grep -qs "Emulated board touch panel" /proc/bus/input/devices; do sleep 0.1; done; udevadm settle -t 10'

[Install]
WantedBy=multi-user.target
"""
        self.agent.write_file("/etc/systemd/system/emulated-touch-panel.service", unit.encode())
        self.agent.run(["/bin/systemctl", "enable", "emulated-touch-panel.service"])

    def touch(self, x, y, hold_milliseconds=150):
        self.agent.shell(f"echo 'tap {int(x)} {int(y)} {int(hold_milliseconds)}' > {TOUCH_FIFO}")

    def drag(self, x1, y1, x2, y2, milliseconds):
        self.agent.shell(f"echo 'drag {int(x1)} {int(y1)} {int(x2)} {int(y2)} {int(milliseconds)}' > {TOUCH_FIFO}")
