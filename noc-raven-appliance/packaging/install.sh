#!/bin/sh
# Installs the NoC Raven appliance: jar, systemd unit, config, environment file, user and data directory.
# Idempotent: run it again to upgrade the jar and the unit; an existing config or environment file is kept (the new
# default config is written next to it as noc-raven.yaml.dist).
#
#   sudo noc-raven-appliance/packaging/install.sh [--jar FILE]
#   noc-raven-appliance/packaging/install.sh --prefix /tmp/root --no-system     # a test root, no useradd/systemctl
#
# Options:
#   --prefix DIR   install under DIR instead of / (paths inside the unit stay absolute)
#   --jar FILE     the runnable jar (default: noc-raven-appliance/target/noc-raven.jar next to this script)
#   --no-system    skip what needs root: creating the user, chown, systemctl daemon-reload
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=""
jar="$here/../target/noc-raven.jar"
system=1
user=noc-raven    # the unit runs as this user and group

usage()
{
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || usage; prefix=${2%/}; shift 2 ;;
        --jar) [ $# -ge 2 ] || usage; jar=$2; shift 2 ;;
        --no-system) system=0; shift ;;
        -h|--help) usage ;;
        *) echo "install.sh: unknown option '$1'" >&2; usage ;;
    esac
done

if [ ! -f "$jar" ]; then
    echo "install.sh: jar '$jar' not found (build it with ./mvnw -B -ntp -DskipTests package, or give --jar FILE)" >&2
    exit 2
fi
if [ "$system" = 1 ] && [ "$(id -u)" != 0 ]; then
    echo "install.sh: run as root, or with --no-system (and --prefix) to skip useradd, chown and systemctl" >&2
    exit 2
fi

opt="$prefix/opt/noc-raven"
etc="$prefix/etc/noc-raven"
unitdir="$prefix/etc/systemd/system"
data="$prefix/var/lib/noc-raven"

# 1. The service user (system account, no login, home = data directory).
if [ "$system" = 1 ]; then
    getent group "$user" >/dev/null || groupadd --system "$user"
    getent passwd "$user" >/dev/null || useradd --system --gid "$user" --home-dir /var/lib/noc-raven \
        --no-create-home --shell /usr/sbin/nologin --comment "NoC Raven appliance" "$user"
fi

# owner FILE USER:GROUP: chown when installing for real.
owner()
{
    if [ "$system" = 1 ]; then
        chown "$2" "$1"
    fi
}

# place SOURCE TARGET MODE: copy next to the target, then rename over it (a running service never sees half a file).
place()
{
    mkdir -p "$(dirname "$2")"
    cp "$1" "$2.tmp.$$"
    chmod "$3" "$2.tmp.$$"
    mv -f "$2.tmp.$$" "$2"
}

# 2. Directories.
mkdir -p "$opt" "$etc" "$unitdir" "$data"
chmod 0755 "$opt"
chmod 0770 "$etc"            # root:noc-raven: the admin API persists changes here (write temp file, rename)
owner "$etc" "root:$user"
chmod 0750 "$data"
owner "$data" "$user:$user"

# 3. Jar and unit: always replaced (upgrade).
place "$jar" "$opt/noc-raven.jar" 0644
place "$here/noc-raven.service" "$unitdir/noc-raven.service" 0644

# 4. Config: kept when present; the new defaults go next to it for comparison.
if [ -f "$etc/noc-raven.yaml" ]; then
    place "$here/noc-raven.yaml" "$etc/noc-raven.yaml.dist" 0640
    owner "$etc/noc-raven.yaml.dist" "root:$user"
    echo "kept $etc/noc-raven.yaml (new defaults: $etc/noc-raven.yaml.dist)"
else
    place "$here/noc-raven.yaml" "$etc/noc-raven.yaml" 0640
    owner "$etc/noc-raven.yaml" "root:$user"
fi

# 5. Environment file for JAVA_OPTS and secrets (NOCRAVEN_*): read by systemd as root, so 0600 root.
if [ ! -f "$etc/noc-raven.env" ]; then
    (umask 077 && cat > "$etc/noc-raven.env.tmp.$$") <<'ENV'
# Environment of the noc-raven service (systemd EnvironmentFile, read as root: keep it 0600).
# JAVA_OPTS=-Xms256m -Xmx2g -XX:+UseParallelGC
# NOCRAVEN_ADMIN_TOKEN=<64 hex characters>
# NOCRAVEN_FORWARDERS_KAFKA_ENABLED=true
# NOCRAVEN_FORWARDERS_KAFKA_BOOTSTRAPSERVERS=kafka.example:9092
ENV
    chmod 0600 "$etc/noc-raven.env.tmp.$$"
    mv -f "$etc/noc-raven.env.tmp.$$" "$etc/noc-raven.env"
    owner "$etc/noc-raven.env" "root:root"
fi

# 6. systemd.
if [ "$system" = 1 ]; then
    if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
        systemctl daemon-reload
        echo "installed; start with: systemctl enable --now noc-raven && journalctl -u noc-raven | grep 'admin token'"
    else
        echo "installed; systemd is not running here: start with the ExecStart line of $unitdir/noc-raven.service"
    fi
else
    echo "installed under ${prefix:-/} (no user, ownership or systemctl: --no-system)"
fi
