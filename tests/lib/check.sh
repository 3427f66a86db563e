# Shared by the shell tests: `check NAME COMMAND...` runs the command and prints "ok NAME" or
# "FAIL NAME", counting failures in $fails.
fails=0
check() {
  local name=$1; shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fails=$((fails + 1)); fi
}
