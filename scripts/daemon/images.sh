#!/usr/bin/env bash
# Makes the images the reference scenarios use, with no registry: each is a root filesystem built
# from this machine's own binaries and loaded with `docker import`. Idempotent: an image already
# present is kept. Run by start.sh; needs DOCKER_HOST pointing at the reference daemon.
#
#   busybox:latest      Debian's busybox-static, every applet linked, CMD ["sh"] (as the real busybox)
#   python:3.12         Debian's python3.11 (binary, shared libraries, standard library) with bash and
#   (also python:3.11,  busybox applets except ping (python:3.12 has none), CMD ["python3"] as the
#    python:3.11-slim,  real image.
#    python:3.14-slim) Stands for python:3.12 in Python behaviour (signals as PID 1,
#                       tracebacks, http.server, exit codes); its Python is 3.11, its tools busybox's.
#   ubuntu:24.04        busybox applets and bash, CMD ["/bin/bash"] as the real ubuntu; no apt-get.
#   Extra, only when named:
#   flask-stack:latest  python:3.12's files plus Debian's Flask 2.2.2 and what it needs (werkzeug, jinja2,
#                       markupsafe, itsdangerous, click, blinker) and redis-py 4.3.4, with a `flask`
#                       command in /usr/local/bin: what `pip install -r requirements.txt` of the deck's
#                       Flask snippets leaves (no PyPI here: Debian's packages instead of the pinned ones).
#   redis:8-alpine      busybox applets and Debian's redis-server 7.0 with its libraries,
#                       CMD ["redis-server", "--protected-mode", "no"] (the official image builds with
#                       protected mode off, so other containers may connect).
set -euo pipefail

fail() { echo "scripts/daemon/images.sh: $*" >&2; exit 1; }
[ -n "${DOCKER_HOST:-}" ] || fail "set DOCKER_HOST to the reference daemon (unix://…/docker.sock)"
command -v busybox >/dev/null || fail "busybox not found: apt-get install -y busybox-static"
busybox="$(command -v busybox)"
file -L "$busybox" 2>/dev/null | grep -q 'statically linked' || [ -z "$(ldd "$busybox" 2>/dev/null | grep '=>')" ] \
  || fail "$busybox is not statically linked: apt-get install -y busybox-static"

# Bump when what an image holds changes: an image with another version is made again.
IMAGES_VERSION=3
has_image() {
  [ "$(docker image inspect --format '{{index .Config.Labels "reference.images.version"}}' "$1" 2>/dev/null)" = "$IMAGES_VERSION" ]
}

work="$(mktemp -d)"
wants() { local name; for name in "${EXTRA[@]}"; do [ "$name" = "$1" ] && return 0; done; return 1; }
EXTRA=("$@")
for name in "${EXTRA[@]}"; do
  case "$name" in flask-stack:latest|redis:8-alpine) ;; *) fail "no extra image $name (flask-stack:latest, redis:8-alpine)" ;; esac
done
trap 'rm -rf "$work"' EXIT

# Debian's bash start-up files, so an interactive bash prompts `root@<hostname>:/# ` as in the
# Debian-based python and ubuntu images.
bash_profile() {
  local root="$1"
  copy_with_libs "$root" /bin/bash
  cp /etc/bash.bashrc "$root/etc/bash.bashrc"
  cp /etc/skel/.bashrc "$root/root/.bashrc"
  cp /etc/skel/.profile "$root/root/.profile"
  sed -i 's|:/bin/sh$|:/bin/bash|' "$root/etc/passwd"
  # The folders a Debian or Ubuntu root has and busybox's has not.
  mkdir -p "$root"/{opt,srv,mnt,media,usr/local/lib,usr/local/share}
}

# Copies a binary and every shared library it loads (ldd) into the root filesystem $1.
copy_with_libs() {
  local root="$1" bin="$2" lib
  mkdir -p "$root$(dirname "$bin")"
  cp -L "$bin" "$root$bin"
  for lib in $(ldd "$bin" 2>/dev/null | grep -oE '/[^ ]+' || true); do
    [ -e "$root$lib" ] && continue
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
}

# The directories a container expects, and busybox with its applets in /bin (skipping names in $2).
base_rootfs() {
  local root="$1" skip="${2:-}" applet
  mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,usr/local/bin,etc,tmp,root,home,var,proc,sys,dev,run}
  chmod 1777 "$root/tmp"
  cp "$busybox" "$root/bin/busybox"
  for applet in $("$busybox" --list); do
    [ "$applet" = busybox ] && continue
    case " $skip " in *" $applet "*) continue ;; esac
    [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
}

import_rootfs() {
  local root="$1" name="$2"; shift 2
  tar -C "$root" -c . | docker import --change "LABEL reference.images.version=$IMAGES_VERSION" "$@" - "$name" >/dev/null
  echo "made $name ($(docker image inspect --format '{{.Size}}' "$name") bytes)"
  # `docker images` sorts by creation time in whole seconds, ties in no fixed order: one image a second.
  sleep 1
}

if ! has_image busybox:latest; then
  base_rootfs "$work/busybox"
  import_rootfs "$work/busybox" busybox:latest --change 'CMD ["sh"]'
fi

if ! has_image ubuntu:24.04; then
  base_rootfs "$work/ubuntu"
  bash_profile "$work/ubuntu"
  import_rootfs "$work/ubuntu" ubuntu:24.04 --change 'CMD ["/bin/bash"]'
fi

if ! has_image python:3.12; then
  py="$(readlink -f /usr/bin/python3)"
  [ -x "$py" ] || fail "Debian's /usr/bin/python3 not found: apt-get install -y python3"
  pyver="$(basename "$py")"   # python3.11
  root="$work/python"
  base_rootfs "$root" "ping ping6"
  bash_profile "$root"
  copy_with_libs "$root" "$py"
  mkdir -p "$root/usr/lib"
  # The standard library without its test suite (57 MB → what a python image ships), and the
  # libraries its extension modules load (ssl, ctypes, readline for the >>> prompt…).
  tar -C /usr/lib --exclude="$pyver/test" -c "$pyver" | tar -C "$root/usr/lib" -x
  for so in "$root/usr/lib/$pyver"/lib-dynload/*.so; do
    for lib in $(ldd "$so" 2>/dev/null | grep -oE '/[^ ]+' || true); do
      [ -e "$root$lib" ] && continue
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
  done
  ln -s "/usr/bin/$pyver" "$root/usr/local/bin/python3"
  ln -s "/usr/bin/$pyver" "$root/usr/local/bin/python"
  ln -s "$pyver" "$root/usr/bin/python3"
  # Terminal descriptions, so bash and the >>> prompt can edit lines on a pseudo-terminal.
  [ -d /usr/share/terminfo ] && mkdir -p "$root/usr/share" && cp -r /usr/share/terminfo "$root/usr/share/"
  [ -d /lib/terminfo ] && mkdir -p "$root/lib" && cp -r /lib/terminfo "$root/lib/"
  import_rootfs "$root" python:3.12 \
    --change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["python3"]'
fi
for alias in python:3.11 python:3.11-slim python:3.14-slim; do
  [ "$(docker image inspect --format '{{.Id}}' "$alias" 2>/dev/null)" = "$(docker image inspect --format '{{.Id}}' python:3.12)" ] \
    || docker tag python:3.12 "$alias"
done

# The deck's Flask stack on the python stand-in: Debian's packages (and the Python packages they depend
# on) copied where pip would install them, and pip's `flask` console script.
if wants flask-stack:latest && ! has_image flask-stack:latest; then
  root="$work/flask"
  mkdir -p "$root"
  docker create --name reference-flask-base python:3.12 >/dev/null
  docker export reference-flask-base | tar -C "$root" -x
  docker rm reference-flask-base >/dev/null
  packages="python3-flask python3-werkzeug python3-jinja2 python3-markupsafe python3-itsdangerous python3-click python3-blinker python3-redis"
  for package in $packages; do
    dpkg -s "$package" >/dev/null 2>&1 || fail "$package is not installed: apt-get install -y python3-flask python3-redis"
  done
  # Their Python dependencies that are installed (some names are provided by python3 itself).
  for dep in $(apt-cache depends --no-recommends --no-suggests $packages 2>/dev/null | awk '/Depends: python3-/ {print $2}' | sort -u); do
    case " $packages " in *" $dep "*) ;; *) dpkg -s "$dep" >/dev/null 2>&1 && packages="$packages $dep" ;; esac
  done
  for package in $packages; do
    dpkg -L "$package" | grep '^/usr/lib/python3/dist-packages/.' | while read -r path; do
      [ -f "$path" ] || continue
      mkdir -p "$root$(dirname "$path")"
      cp -L "$path" "$root$path"
    done
  done
  printf '#!/usr/bin/python3\nimport sys\nfrom flask.cli import main\nif __name__ == "__main__":\n    sys.exit(main())\n' >"$root/usr/local/bin/flask"
  chmod 755 "$root/usr/local/bin/flask"
  import_rootfs "$root" flask-stack:latest \
    --change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["python3"]'
fi

if wants redis:8-alpine && ! has_image redis:8-alpine; then
  command -v redis-server >/dev/null || fail "redis-server not found: apt-get install -y redis-server"
  base_rootfs "$work/redis"
  copy_with_libs "$work/redis" "$(readlink -f "$(command -v redis-server)")"
  [ "$(readlink -f "$(command -v redis-server)")" = /usr/bin/redis-server ] || ln -s "$(readlink -f "$(command -v redis-server)")" "$work/redis/usr/bin/redis-server"
  mkdir -p "$work/redis/data"
  import_rootfs "$work/redis" redis:8-alpine \
    --change 'WORKDIR /data' \
    --change 'CMD ["redis-server", "--protected-mode", "no"]'
fi
