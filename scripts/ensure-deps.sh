#!/usr/bin/env bash
# Installs what the repo needs beyond the .NET SDK, only when it is missing, so `./robotics demo` and
# `./robotics test` work on a fresh Debian 12 machine. Debian packages are listed in
# scripts/apt-packages.txt (one per line, '#' comments). NuGet packages restore during the build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "robotics: the .NET SDK (10.0.100 or newer) is required but 'dotnet' is not on PATH." >&2
  echo "          Install it (https://learn.microsoft.com/dotnet/core/install/linux-debian) and retry." >&2
  exit 1
fi

missing=()
while read -r pkg; do
  pkg="${pkg%%#*}"; pkg="${pkg//[[:space:]]/}"
  [[ -z "$pkg" ]] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < "$root/scripts/apt-packages.txt"

if [[ ${#missing[@]} -gt 0 ]]; then
  echo "robotics: installing Debian packages: ${missing[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >&2
fi
