/*
 * Opens libvppapiclient at run time (dlopen) so that the shim builds and loads on a machine without
 * VPP. Java hands the candidates one by one (configured path, then the usual names) and reports every
 * failure; the first library that opens and has every symbol stays loaded for the life of the process.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include "shim.h"

struct vac_symbol {
    const char *name;
    void **slot;
    int required;
};

/* dlsym returns an object pointer; POSIX guarantees it converts to a function pointer. */
static void *resolved[7];

static int resolve_all(void *handle, char *err, size_t err_len)
{
    static const char *names[7] = {"vac_connect", "vac_disconnect", "vac_read", "vac_write",
                                   "vac_free", "vac_get_msg_index", "vac_mem_init"};
    for (int i = 0; i < 7; i++) {
        resolved[i] = dlsym(handle, names[i]);
        /* vac_mem_init is optional: libraries older than it set their heap up in vac_connect */
        if (resolved[i] == NULL && i < 6) {
            snprintf(err, err_len, "has no symbol %s (not a libvppapiclient?)", names[i]);
            return -1;
        }
    }
    return 0;
}

static void install(void)
{
    shim.vac.connect = (vac_connect_fn) resolved[0];
    shim.vac.disconnect = (vac_disconnect_fn) resolved[1];
    shim.vac.read = (vac_read_fn) resolved[2];
    shim.vac.write = (vac_write_fn) resolved[3];
    shim.vac.free = (vac_free_fn) resolved[4];
    shim.vac.get_msg_index = (vac_get_msg_index_fn) resolved[5];
    shim.vac.mem_init = (vac_mem_init_fn) resolved[6];
}

int shim_vac_open(const char *path, char *err, size_t err_len)
{
    int rc = 0;
    pthread_mutex_lock(&shim.load_lock);
    if (atomic_load(&shim.vac_loaded)) {
        goto out;
    }
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        const char *why = dlerror();
        snprintf(err, err_len, "%s", why != NULL ? why : "dlopen failed");
        rc = -1;
        goto out;
    }
    if (resolve_all(handle, err, err_len) != 0) {
        dlclose(handle);
        rc = -1;
        goto out;
    }
    install();
    atomic_store(&shim.vac_loaded, 1);
out:
    pthread_mutex_unlock(&shim.load_lock);
    return rc;
}
