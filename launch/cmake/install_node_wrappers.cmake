# Install step (also runnable alone with `cmake -P`): writes lib/robotics/<exec> for every node executable.
# Inputs: ROBOTICS_EXECUTABLES (list; empty = ask the app with --list-executables), ROBOTICS_APP_INSTALLED (the
# installed app folder holding Robotics.NodeRunner.dll), ROBOTICS_WRAPPER_TEMPLATE, ROBOTICS_WRAPPER_DIR (destination),
# DOTNET (the dotnet host).
cmake_policy(VERSION 3.16)
if(NOT ROBOTICS_WRAPPER_DIR)
  message(FATAL_ERROR "ROBOTICS_WRAPPER_DIR is not set: pass -DROBOTICS_WRAPPER_DIR=<prefix>/lib/robotics")
endif()
set(_execs "${ROBOTICS_EXECUTABLES}")
if(NOT _execs)
  if(NOT DOTNET)
    set(DOTNET dotnet)
  endif()
  execute_process(
    COMMAND "${DOTNET}" "${ROBOTICS_APP_INSTALLED}/Robotics.NodeRunner.dll" --list-executables
    OUTPUT_VARIABLE _listing
    RESULT_VARIABLE _rc
    ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "robotics: '${DOTNET} ${ROBOTICS_APP_INSTALLED}/Robotics.NodeRunner.dll --list-executables' failed (${_rc}): ${_err}")
  endif()
  string(STRIP "${_listing}" _listing)
  string(REGEX REPLACE "[\r\n]+" ";" _execs "${_listing}")
endif()
if(NOT _execs)
  message(WARNING "robotics: the app lists no node executables; no wrappers installed")
endif()
set(_tmp "${ROBOTICS_WRAPPER_DIR}/.robotics-wrappers-tmp")
file(MAKE_DIRECTORY "${_tmp}")
foreach(ROBOTICS_EXEC IN LISTS _execs)
  if(NOT ROBOTICS_EXEC MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
    message(FATAL_ERROR "robotics: '${ROBOTICS_EXEC}' is not a valid executable name (letters, digits, _)")
  endif()
  configure_file("${ROBOTICS_WRAPPER_TEMPLATE}" "${_tmp}/${ROBOTICS_EXEC}" @ONLY)
  file(INSTALL "${_tmp}/${ROBOTICS_EXEC}" DESTINATION "${ROBOTICS_WRAPPER_DIR}"
    FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endforeach()
file(REMOVE_RECURSE "${_tmp}")
