"""The sandbox's first process: build a minimal file tree, drop every privilege, run the code.

This file is not imported by the server. runner.py starts it as a separate program,

    unshare --net --mount --pid --ipc --uts --fork --kill-child [--user --map-root-user] \
        python -I -S -B jail.py CONFIG_FILE

so it starts as process 1 of a fresh PID namespace, with a mount namespace of its own (what it
mounts is invisible to the host), an empty network namespace (not even a loopback interface is
up, so every connect() fails) and private IPC and host-name namespaces. It uses only the
standard library (-I -S: no site-packages, no PYTHON* variables) and imports everything it
needs before pivot_root, after which the host's files are gone.

Process 1 stays as a small init: it forks the candidate's interpreter, reaps every process the
candidate leaves behind (a fork bomb's zombies would otherwise hold process slots) and exits
with the candidate's status as soon as the candidate's main process ends; the kernel then
kills whatever else is left in the namespace, so nothing the candidate starts outlives it.

Exit status: the candidate's exit code, 128 + N when signal N killed it, and 125 when the
sandbox itself could not be built (the reason is on stderr, prefixed with "jail:").
"""

import ctypes
import errno
import marshal
import os
import resource
import signal
import sys

SETUP_FAILED = 125
RESULT_FD = 3  # the harness writes its result lines here; the server reads the other end

MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
MNT_DETACH = 2
PR_CAPBSET_DROP, PR_SET_SECUREBITS, PR_SET_NO_NEW_PRIVS = 24, 28, 38
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 22, 2
# Securebits (linux/securebits.h), each with its lock: uid 0 gets no capabilities from
# execve (NOROOT), changing uid changes no capabilities (NO_SETUID_FIXUP), none can be kept
# across setuid (KEEP_CAPS_LOCKED) and no ambient capability can be raised again.
SECUREBITS_NO_ROOT = 0b1110_1111
# pivot_root has no wrapper in glibc or Python; its number differs by architecture.
PIVOT_ROOT = {"x86_64": 155, "aarch64": 41, "riscv64": 41, "ppc64le": 203, "s390x": 217}
# statvfs flag -> mount flag: a bind mount's read-only remount must repeat the flags of the
# mount it copies, or the kernel refuses it inside a user namespace (the flags are locked).
STATVFS_FLAGS = {
    os.ST_RDONLY: MS_RDONLY,
    os.ST_NOSUID: MS_NOSUID,
    os.ST_NODEV: MS_NODEV,
    os.ST_NOEXEC: MS_NOEXEC,
}

libc = ctypes.CDLL(None, use_errno=True)


class SetupError(Exception):
    pass


def check(result: int, what: str) -> None:
    if result != 0:
        code = ctypes.get_errno()
        raise SetupError(f"{what}: {os.strerror(code)} ({errno.errorcode.get(code, code)})")


def mount(source: str | None, target: str, fstype: str | None, flags: int, data: str = "") -> None:
    encode = lambda value: value.encode() if value is not None else None  # noqa: E731
    result = libc.mount(encode(source), encode(target), encode(fstype), flags, encode(data))
    check(result, f"mount {source or fstype} on {target}")


def bind_read_only(source: str, target: str, *, devices: bool = False) -> None:
    """Make the host path ``source`` visible at ``target``, read-only and without setuid."""
    if os.path.isdir(source):
        os.makedirs(target, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "a"):
            pass  # a bind mount needs an existing file to cover
    mount(source, target, None, MS_BIND | MS_REC)
    locked = sum(flag for bit, flag in STATVFS_FLAGS.items() if os.statvfs(source).f_flag & bit)
    flags = MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | locked
    mount(None, target, None, flags if devices else flags | MS_NODEV)


def build_root(config: dict) -> None:
    """Mount a tree that holds only the interpreter, its libraries and the candidate's code."""
    new_root = config["root"]
    # Nothing mounted here may propagate back to the host's mount table.
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    # The root is a small tmpfs: its directories are made here, then it becomes read-only.
    mount("jail", new_root, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,nr_inodes=256,mode=0755")
    for path in config["binds"]:
        bind_read_only(path, new_root + path)
    # /lib and /lib64 are symlinks into /usr on merged-/usr systems; copy the link, not a tree.
    for link, points_to in config["links"].items():
        os.symlink(points_to, new_root + link)
    for device in ("/dev/null", "/dev/zero", "/dev/urandom"):
        bind_read_only(device, new_root + device, devices=True)
    bind_read_only(config["code"], new_root + "/code")
    # The only writable place: a small tmpfs, so files cost memory within a fixed size, not
    # the host's disk, and they vanish with the namespace. noexec: no dropped binaries.
    work = new_root + "/sandbox"
    os.makedirs(work)
    owner = config["uid"] if config["uid"] is not None else 0
    size = f"size={config['work_kb']}k,nr_inodes=1024,mode=0700,uid={owner},gid={owner}"
    mount("work", work, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, size)
    pivot_into(new_root)
    mount(None, "/", None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
    # The host's name is none of the candidate's business (our own UTS namespace).
    check(libc.sethostname(b"sandbox", 7), "sethostname")


def pivot_into(new_root: str) -> None:
    """Make ``new_root`` the root and detach the old one, so no path leads back to the host."""
    machine = os.uname().machine
    number = PIVOT_ROOT.get(machine)
    if number is None:
        raise SetupError(f"pivot_root: unsupported architecture {machine}")
    os.chdir(new_root)
    # pivot_root(".", ".") stacks the old root under the new one; unmounting "." then
    # removes it (the pattern from the pivot_root(2) manual page).
    check(libc.syscall(number, b".", b"."), "pivot_root")
    check(libc.umount2(b".", MNT_DETACH), "umount old root")
    os.chdir("/")


def set_limits(limits: dict) -> None:
    for name, (soft, hard) in limits.items():
        resource.setrlimit(getattr(resource, name), (soft, hard))


def drop_privileges(uid: int | None) -> None:
    """Leave the candidate no capability, in this namespace or any other."""
    for capability in range(64):  # the bounding set: no execve can grant these again
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            break  # EINVAL past the last capability this kernel knows
    check(libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0), "clear ambient caps")
    if uid is None:
        # Rootless mode: we are uid 0 of a user namespace mapped to the server's own uid and
        # have no other uid to switch to, so root must simply stop meaning anything.
        check(libc.prctl(PR_SET_SECUREBITS, SECUREBITS_NO_ROOT, 0, 0, 0), "securebits")
    else:
        # An unprivileged uid of its own per run: RLIMIT_NPROC counts processes per uid and
        # does not apply to root, and files owned by root with mode 0600 stay closed.
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)  # clears the permitted and effective capability sets
    clear_capabilities()
    # No setuid binary or file capability can raise privileges again after this.
    check(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")


def clear_capabilities() -> None:
    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [(name, ctypes.c_uint32) for name in ("effective", "permitted", "inherit")]

    header = Header(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3: two 32-bit words
    check(libc.capset(ctypes.byref(header), (Data * 2)()), "capset")


def install_seccomp(program: list[list[int]]) -> None:
    """Install the BPF program seccomp.py built; it holds across execve and cannot be undone."""

    class Instruction(ctypes.Structure):
        _fields_ = [
            ("code", ctypes.c_ushort),
            ("jt", ctypes.c_ubyte),
            ("jf", ctypes.c_ubyte),
            ("k", ctypes.c_uint32),
        ]

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(Instruction))]

    instructions = (Instruction * len(program))(*(Instruction(*step) for step in program))
    filter_program = Program(len(program), instructions)
    check(
        libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(filter_program), 0, 0),
        "seccomp",
    )


def run_candidate(config: dict, result_fd: int) -> None:
    """In the forked child: limits, privileges, descriptors, then exec the interpreter."""
    os.dup2(result_fd, RESULT_FD, inheritable=True)
    # close_fds: only stdin, stdout, stderr and the result pipe reach the candidate.
    os.closerange(RESULT_FD + 1, 65536)
    set_limits(config["rlimits"])
    drop_privileges(config["uid"])
    os.chdir("/sandbox")
    # Python ignores these two and ignored signals survive execve: start the candidate
    # with the dispositions of a fresh process.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    install_seccomp(config["seccomp"])  # last: it needs no_new_privs, set just before
    os.execve(config["argv"][0], config["argv"], config["env"])  # noqa: S606 - no shell wanted


def supervise(child: int) -> int:
    """Reap every process until the candidate's main process ends; return its status."""
    while True:
        try:
            pid, status = os.waitpid(-1, 0)
        except ChildProcessError:
            return SETUP_FAILED
        if pid == child:
            if os.WIFSIGNALED(status):
                return 128 + os.WTERMSIG(status)
            return os.WEXITSTATUS(status)


def main() -> int:
    # As process 1 we would otherwise turn a candidate's SIGINT into a KeyboardInterrupt.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    # marshal, not json: the json module costs ~40% of this process's start (re, enum), and
    # the file is the server's own, written by the same interpreter into its 0700 folder.
    with open(sys.argv[1], "rb") as file:
        config = marshal.load(file)  # noqa: S302 - our own data, see above
    # The server enforces the deadline; this alarm ends the run even if the server died
    # mid-run. Process 1 ignores signals it has no handler for, hence the handler; exiting
    # makes the kernel kill every other process of the namespace.
    signal.signal(signal.SIGALRM, lambda *_: os._exit(128 + signal.SIGALRM))
    signal.alarm(config["backstop_seconds"])
    try:
        if os.getpid() != 1:
            raise SetupError("not the first process of a new PID namespace")
        build_root(config)
    except (SetupError, OSError) as error:
        print(f"jail: {error}", file=sys.stderr)
        return SETUP_FAILED
    child = os.fork()
    if child == 0:
        try:
            run_candidate(config, config["result_fd"])
        except BaseException as error:  # noqa: BLE001 - whatever it is, the run must stop
            print(f"jail: {error}", file=sys.stderr)
        os._exit(SETUP_FAILED)
    os.close(config["result_fd"])  # only the candidate's side may hold the pipe open
    return supervise(child)


if __name__ == "__main__":
    sys.exit(main())
