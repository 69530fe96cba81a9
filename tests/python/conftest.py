# Tests run against the uninstalled library: meson sets GI_TYPELIB_PATH,
# LD_LIBRARY_PATH and PITH_PLUGIN_PATH to the build tree.
import gi

gi.require_version("Pith", "1.0")
gi.require_version("Json", "1.0")
