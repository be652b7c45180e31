"""A seccomp filter for the candidate's process: refuse the system calls it has no use for.

Namespaces, rlimits and an unprivileged uid already contain the code; this filter narrows
what it can ask the (shared) kernel to do, which is where a sandbox escape would have to
happen. It is a deny-list, not an allow-list: the interpreters and the candidate's ordinary
code keep every call they make, and the list below names what no test solution needs:

- changing the mount or namespace view, even in a nested user namespace of its own;
- reading or writing other processes' memory;
- kernel interfaces that have been the way in for many privilege escalations (eBPF,
  perf events, userfaultfd, the keyring, io_uring, file handles) — Docker's default profile
  refuses most of them for the same reason;
- administration calls (modules, kexec, reboot, swap, accounting), which already need
  privileges the candidate lacks: refusing them costs nothing.

clone3 gets ENOSYS rather than EPERM: its flags are in memory a filter cannot read, and
ENOSYS makes glibc and libuv fall back to clone, whose flags it can check.

The program is built here, in the server, as plain data (a list of BPF instructions) and
installed by jail.py just before it execs the interpreter; the filter then holds for that
process and every process it starts, and cannot be removed.
"""

import errno
import platform

# linux/filter.h and linux/bpf_common.h
_LOAD_WORD = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JUMP_EQUAL = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JUMP_AT_LEAST = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_JUMP_ANY_BIT = 0x45  # BPF_JMP | BPF_JSET | BPF_K
_RETURN = 0x06  # BPF_RET | BPF_K
# linux/seccomp.h
_ALLOW = 0x7FFF_0000
_ERRNO = 0x0005_0000
_KILL_PROCESS = 0x8000_0000
# struct seccomp_data: int nr; u32 arch; u64 instruction_pointer; u64 args[6] (little endian)
_NR, _ARCH, _ARG0_LOW = 0, 4, 16
# clone flags that create namespaces (linux/sched.h)
CLONE_NEW_NAMESPACES = (
    0x0002_0000  # NEWNS
    | 0x0200_0000  # NEWCGROUP
    | 0x0400_0000  # NEWUTS
    | 0x0800_0000  # NEWIPC
    | 0x1000_0000  # NEWUSER
    | 0x2000_0000  # NEWPID
    | 0x4000_0000  # NEWNET
    | 0x0000_0080  # NEWTIME
)
_X32_SYSCALL_BIT = 0x4000_0000  # x86-64's other ABI: same calls, other numbers; refused whole

# Numbers from /usr/include/x86_64-linux-gnu/asm/unistd_64.h and asm-generic/unistd.h.
_REFUSED_NAMES = (
    # mounts and namespaces
    "unshare", "setns", "mount", "umount2", "pivot_root", "chroot", "open_tree",
    "move_mount", "fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr",
    # other processes' memory
    "ptrace", "process_vm_readv", "process_vm_writev",
    # risky kernel interfaces
    "bpf", "perf_event_open", "userfaultfd", "keyctl", "add_key", "request_key",
    "open_by_handle_at", "name_to_handle_at", "fanotify_init",
    # administration
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
    "reboot", "swapon", "swapoff", "acct", "quotactl", "syslog",
)  # fmt: skip
_UNAVAILABLE_NAMES = ("clone3", "io_uring_setup", "io_uring_enter", "io_uring_register")

_SYSCALLS = {
    "x86_64": {
        "unshare": 272, "setns": 308, "mount": 165, "umount2": 166, "pivot_root": 155,
        "chroot": 161, "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431,
        "fsmount": 432, "fspick": 433, "mount_setattr": 442, "ptrace": 101,
        "process_vm_readv": 310, "process_vm_writev": 311, "bpf": 321,
        "perf_event_open": 298, "userfaultfd": 323, "keyctl": 250, "add_key": 248,
        "request_key": 249, "open_by_handle_at": 304, "name_to_handle_at": 303,
        "fanotify_init": 300, "kexec_load": 246, "kexec_file_load": 320, "init_module": 175,
        "finit_module": 313, "delete_module": 176, "reboot": 169, "swapon": 167,
        "swapoff": 168, "acct": 163, "quotactl": 179, "syslog": 103, "clone3": 435,
        "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427, "clone": 56,
        "iopl": 172, "ioperm": 173,
    },
    "aarch64": {
        "unshare": 97, "setns": 268, "mount": 40, "umount2": 39, "pivot_root": 41,
        "chroot": 51, "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431,
        "fsmount": 432, "fspick": 433, "mount_setattr": 442, "ptrace": 117,
        "process_vm_readv": 270, "process_vm_writev": 271, "bpf": 280,
        "perf_event_open": 241, "userfaultfd": 282, "keyctl": 219, "add_key": 217,
        "request_key": 218, "open_by_handle_at": 265, "name_to_handle_at": 264,
        "fanotify_init": 262, "kexec_load": 104, "kexec_file_load": 294, "init_module": 105,
        "finit_module": 273, "delete_module": 106, "reboot": 142, "swapon": 224,
        "swapoff": 225, "acct": 89, "quotactl": 60, "syslog": 116, "clone3": 435,
        "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427, "clone": 220,
    },
}  # fmt: skip
_AUDIT_ARCH = {"x86_64": 0xC000_003E, "aarch64": 0xC000_00B7}

Instruction = tuple[int, int, int, int]  # code, jump if true, jump if false, k


def filter_program(machine: str | None = None) -> list[Instruction] | None:
    """The BPF program for this machine's architecture; None where we have no table."""
    machine = machine or platform.machine()
    numbers = _SYSCALLS.get(machine)
    if numbers is None:
        return None
    program: list[Instruction] = [
        # A call made under another architecture's numbering would bypass the table.
        (_LOAD_WORD, 0, 0, _ARCH),
        (_JUMP_EQUAL, 1, 0, _AUDIT_ARCH[machine]),
        (_RETURN, 0, 0, _KILL_PROCESS),
        (_LOAD_WORD, 0, 0, _NR),
    ]
    if machine == "x86_64":
        program += [(_JUMP_AT_LEAST, 0, 1, _X32_SYSCALL_BIT), (_RETURN, 0, 0, _ERRNO | errno.EPERM)]
    refused = [*_REFUSED_NAMES, *(("iopl", "ioperm") if machine == "x86_64" else ())]
    for name in refused:
        program += [(_JUMP_EQUAL, 0, 1, numbers[name]), (_RETURN, 0, 0, _ERRNO | errno.EPERM)]
    for name in _UNAVAILABLE_NAMES:
        program += [(_JUMP_EQUAL, 0, 1, numbers[name]), (_RETURN, 0, 0, _ERRNO | errno.ENOSYS)]
    program += [
        # clone: allowed for processes and threads, refused when it would make namespaces.
        (_JUMP_EQUAL, 0, 4, numbers["clone"]),
        (_LOAD_WORD, 0, 0, _ARG0_LOW),
        (_JUMP_ANY_BIT, 0, 1, CLONE_NEW_NAMESPACES),
        (_RETURN, 0, 0, _ERRNO | errno.EPERM),
        (_RETURN, 0, 0, _ALLOW),
        (_RETURN, 0, 0, _ALLOW),
    ]
    return program
