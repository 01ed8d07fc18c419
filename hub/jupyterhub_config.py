# JupyterHub for a course on the transfer-learning kit. Started by `./kit hub`, which fills the shared folder first
# (the kit's jars, its kernel spec, data, models, libtorch, the speech clips and the lessons); settings come from
# hub/course.json, machine-specific ones may be overridden by TLKIT_HUB_* environment variables.
#
# What is enforced where (README, "Teach a course"): the memory limit and CPU limit of each learner are cgroup
# limits on the learner's server and everything it starts (its kernels), set by this hub as root (cgroup v1 or v2);
# where the hub cannot write cgroups (not root, a read-only /sys/fs/cgroup) it says so in its log and the limits
# are only advertised (MEM_LIMIT, CPU_LIMIT). A kernel's Java heap is capped by the kernel spec (-Xmx) everywhere.
import json
import os
import pathlib
import pwd
import shutil

from jupyterhub.spawner import LocalProcessSpawner

HERE = pathlib.Path(__file__).resolve().parent
COURSE = json.loads((HERE / "course.json").read_text())
LEARNER = COURSE["learner"]
PORT = int(os.environ.get("TLKIT_HUB_PORT", COURSE["port"]))
IP = os.environ.get("TLKIT_HUB_IP", COURSE["ip"])
SHARED = pathlib.Path(os.environ.get("TLKIT_HUB_SHARED", COURSE["shared"]))
STATE = pathlib.Path(os.environ.get("TLKIT_HUB_STATE", COURSE["state"]))
CGROUP = os.environ.get("TLKIT_HUB_CGROUP", COURSE["cgroup"])
UNITS = {"K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}


def memory_bytes(limit):
    return int(float(limit[:-1]) * UNITS[limit[-1]]) if limit[-1] in UNITS else int(limit)


class CgroupLimits:
    """A learner's memory and CPU limits as a cgroup (v2 if the machine has it, else v1's memory and cpu)."""

    ROOT = pathlib.Path("/sys/fs/cgroup")

    def __init__(self, user, memory, cpus):
        self.user, self.memory, self.cpus = user, memory, cpus
        self.v2 = (self.ROOT / "cgroup.controllers").exists()

    def folders(self):
        if self.v2:
            return {"unified": self.ROOT / CGROUP / self.user}
        return {c: self.ROOT / c / CGROUP / self.user for c in ("memory", "cpu")}

    def apply(self, pid):
        period = 100_000
        if self.v2:
            parent = self.ROOT / CGROUP
            parent.mkdir(exist_ok=True)
            for folder in (self.ROOT, parent):
                (folder / "cgroup.subtree_control").write_text("+memory +cpu")
            settings = {"unified": {"memory.max": self.memory, "cpu.max": f"{int(self.cpus * period)} {period}"}}
        else:
            settings = {"memory": {"memory.limit_in_bytes": self.memory, "memory.max_usage_in_bytes": 0},
                        "cpu": {"cpu.cfs_period_us": period, "cpu.cfs_quota_us": int(self.cpus * period)}}
        for controller, folder in self.folders().items():
            folder.mkdir(parents=True, exist_ok=True)
            for name, value in settings[controller].items():
                (folder / name).write_text(str(value))
            (folder / "cgroup.procs").write_text(str(pid))
        return ", ".join(str(f) for f in self.folders().values())


class KitSpawner(LocalProcessSpawner):
    """A learner's server as their own Unix user, with the kit's shared caches, their lessons and their limits."""

    def home(self):
        return pathlib.Path(pwd.getpwnam(self.user.name).pw_dir)

    def copy_lessons(self):
        """Copies the lessons into the learner's home, file by file, never over a file that is there already."""
        account = pwd.getpwnam(self.user.name)
        course = self.home() / COURSE["home_folder"]
        for folder in COURSE["copied_folders"]:
            source = SHARED / "lessons" / folder
            target = course / folder
            for notebook in sorted(source.glob("*.ipynb")):
                destination = target / notebook.name
                if destination.exists():
                    continue
                for made in (course, target):
                    if not made.exists():
                        made.mkdir()
                        os.chown(made, account.pw_uid, account.pw_gid)
                partial = destination.with_suffix(".ipynb.part")
                shutil.copyfile(notebook, partial)
                os.chown(partial, account.pw_uid, account.pw_gid)
                partial.rename(destination)

    def get_env(self):
        env = super().get_env()
        home = self.home()
        env.update({
            "TLKIT_DATA": str(SHARED / "data"),            # read-only, shared by every learner
            "TLKIT_USER_CACHE": str(home / ".cache" / "transfer-kit"),
            "ENGINE_CACHE_DIR": str(SHARED / "djl"),       # libtorch, unpacked once
            "JUPYTER_PATH": str(SHARED / "jupyter"),       # the kit's kernel spec, for every learner
            "OMP_NUM_THREADS": str(max(1, round(LEARNER["cpu_limit"]))),
        })
        return env

    async def start(self):
        self.copy_lessons()
        started = await super().start()
        limits = CgroupLimits(self.user.name, memory_bytes(LEARNER["memory_limit"]), LEARNER["cpu_limit"])
        try:
            where = limits.apply(self.pid)
            self.log.info("limits of %s: memory %s, %s CPU, enforced by cgroups %s", self.user.name,
                          LEARNER["memory_limit"], LEARNER["cpu_limit"], where)
        except OSError as e:
            self.log.warning("limits of %s NOT enforced (cannot write cgroups: %s); run the hub as root on a machine"
                             " with a writable /sys/fs/cgroup", self.user.name, e)
        return started


c = get_config()  # noqa: F821 (JupyterHub defines it)

# Debian's proxy loads Debian's node modules; a Node.js from elsewhere (NodeSource's) does not search them.
if pathlib.Path("/usr/share/nodejs").is_dir():
    os.environ["NODE_PATH"] = os.pathsep.join(p for p in ("/usr/share/nodejs", os.environ.get("NODE_PATH")) if p)

c.JupyterHub.bind_url = f"http://{IP}:{PORT}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{PORT + 1}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{PORT + 2}"
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True   # stopping the hub stops the learners' servers (their files stay)

c.JupyterHub.spawner_class = KitSpawner
c.Spawner.default_url = f"/tree/{COURSE['home_folder']}/notebooks"
c.Spawner.notebook_dir = "~"
c.Spawner.mem_limit = LEARNER["memory_limit"]
c.Spawner.cpu_limit = float(LEARNER["cpu_limit"])
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
# The idle culler: a kernel idle this long is shut down, then the learner's server once nothing runs in it.
idle = int(os.environ.get("TLKIT_HUB_IDLE_SECONDS", int(LEARNER["idle_minutes"]) * 60))
c.Spawner.args = [
    f"--MappingKernelManager.cull_idle_timeout={idle}",
    f"--MappingKernelManager.cull_interval={min(60, idle)}",
    "--MappingKernelManager.cull_connected=True",
    f"--NotebookApp.shutdown_no_activity_timeout={idle}",
]

# Who may log in: the machine's users (PAM) unless ./kit hub --test-users made a fixed list of test users.
test_users = [u for u in os.environ.get("TLKIT_HUB_TEST_USERS", "").split(",") if u]
if test_users:
    c.JupyterHub.authenticator_class = "jupyterhub.auth.DummyAuthenticator"
    c.DummyAuthenticator.password = os.environ["TLKIT_HUB_TEST_PASSWORD"]
    c.Authenticator.allowed_users = set(test_users)
else:
    c.JupyterHub.authenticator_class = "jupyterhub.auth.PAMAuthenticator"
    if os.environ.get("TLKIT_HUB_GROUP"):
        c.PAMAuthenticator.allowed_groups = {os.environ["TLKIT_HUB_GROUP"]}
admins = {u for u in os.environ.get("TLKIT_HUB_ADMINS", "").split(",") if u}
if admins:
    c.Authenticator.admin_users = admins

# A service token for scripts and the test (creates users' tokens, starts and stops servers): only if given.
if os.environ.get("TLKIT_HUB_SERVICE_TOKEN"):
    c.JupyterHub.services = [{"name": "kit-admin", "api_token": os.environ["TLKIT_HUB_SERVICE_TOKEN"]}]
    c.JupyterHub.load_roles = [{"name": "kit-admin", "services": ["kit-admin"],
                                "scopes": ["admin:users", "admin:servers", "access:servers", "tokens"]}]
