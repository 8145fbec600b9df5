/*
 * stats_fd.c: receives (and, for mock-vpp, sends) VPP's stats segment file descriptor over the stats
 * socket with SCM_RIGHTS. libc only: no libvppapiclient. Java maps the fd and parses the segment.
 *
 * Protocol (docs/PROTOCOL.md 8.1): the client connects an AF_UNIX SOCK_SEQPACKET socket and sends nothing;
 * VPP answers with one datagram of 0 data bytes carrying one fd, then closes the connection. A 0
 * return of recvmsg cannot be told from EOF, so the cmsg is checked, not the byte count.
 *
 * Every function returns a non-negative result or a negative errno; Java turns them into exceptions.
 * keep in sync with jvpp-shim/src/main/java/io/jvppmux/shim/StatsFd.java
 */
#define _GNU_SOURCE
#include <jni.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "io_jvppmux_shim_StatsFd.h" /* javac -h: the compiler checks these definitions against StatsFd.java */

#define STATS_FD_ABI 1

/* Fills a sockaddr_un from a Java string; -ENAMETOOLONG when it does not fit. */
static int to_addr(JNIEnv *env, jstring path, struct sockaddr_un *sa)
{
  const char *p = (*env)->GetStringUTFChars(env, path, NULL);
  if (p == NULL)
    return -ENOMEM;
  size_t n = strlen(p);
  int rv = 0;
  memset(sa, 0, sizeof(*sa));
  sa->sun_family = AF_UNIX;
  if (n == 0 || n >= sizeof(sa->sun_path))
    rv = -ENAMETOOLONG;
  else
    memcpy(sa->sun_path, p, n + 1);
  (*env)->ReleaseStringUTFChars(env, path, p);
  return rv;
}

static int set_timeouts(int s, jint timeout_ms)
{
  struct timeval tv = {.tv_sec = timeout_ms / 1000, .tv_usec = (timeout_ms % 1000) * 1000};
  if (setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) < 0 ||
      setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) < 0)
    return -errno;
  return 0;
}

/* Returns the one fd carried by the datagram on s, or a negative errno. */
static int recv_one_fd(int s)
{
  char data[1];
  struct iovec iov = {.iov_base = data, .iov_len = sizeof(data)};
  union {
    char buf[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
  } ctl;
  struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
                      .msg_controllen = sizeof(ctl.buf)};
  memset(ctl.buf, 0, sizeof(ctl.buf));
  ssize_t n = recvmsg(s, &mh, MSG_CMSG_CLOEXEC);
  if (n < 0)
    return errno == EWOULDBLOCK ? -ETIMEDOUT : -errno;
  int fd = -1;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c != NULL; c = CMSG_NXTHDR(&mh, c))
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS &&
        c->cmsg_len == CMSG_LEN(sizeof(int)) && fd < 0)
      memcpy(&fd, CMSG_DATA(c), sizeof(int));
  if (mh.msg_flags & MSG_CTRUNC) {
    if (fd >= 0)
      close(fd);
    return -EMSGSIZE;
  }
  return fd >= 0 ? fd : -EBADMSG; /* 0 bytes and no fd: VPP closed without sending one */
}

JNIEXPORT jint JNICALL Java_io_jvppmux_shim_StatsFd_abi0(JNIEnv *env, jclass cls)
{
  (void)env;
  (void)cls;
  return STATS_FD_ABI;
}

JNIEXPORT jint JNICALL Java_io_jvppmux_shim_StatsFd_recvSegmentFd0(JNIEnv *env, jclass cls,
                                                                  jstring path, jint timeout_ms)
{
  (void)cls;
  struct sockaddr_un sa;
  int rv = to_addr(env, path, &sa);
  if (rv < 0)
    return rv;
  int s = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
  if (s < 0)
    return -errno;
  rv = set_timeouts(s, timeout_ms);
  if (rv == 0 && connect(s, (struct sockaddr *)&sa, sizeof(sa)) < 0)
    rv = -errno;
  if (rv == 0)
    rv = recv_one_fd(s);
  close(s);
  return rv;
}

JNIEXPORT jint JNICALL Java_io_jvppmux_shim_StatsFd_close0(JNIEnv *env, jclass cls, jint fd)
{
  (void)env;
  (void)cls;
  return close(fd) < 0 ? -errno : 0;
}

/* A listening SOCK_SEQPACKET socket at path (an old socket file there is replaced). For mock-vpp. */
JNIEXPORT jint JNICALL Java_io_jvppmux_shim_StatsFd_listen0(JNIEnv *env, jclass cls, jstring path)
{
  (void)cls;
  struct sockaddr_un sa;
  int rv = to_addr(env, path, &sa);
  if (rv < 0)
    return rv;
  int s = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
  if (s < 0)
    return -errno;
  unlink(sa.sun_path);
  if (bind(s, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(s, 16) < 0) {
    rv = -errno;
    close(s);
    return rv;
  }
  return s;
}

/* Sends an fd in one datagram of 0 data bytes, as VPP does (vppinfra/socket.c clib_socket_sendmsg). */
static int send_one_fd(int c, int fd)
{
  union {
    char buf[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
  } ctl;
  memset(ctl.buf, 0, sizeof(ctl.buf));
  struct msghdr mh = {.msg_control = ctl.buf, .msg_controllen = sizeof(ctl.buf)};
  struct cmsghdr *h = CMSG_FIRSTHDR(&mh);
  h->cmsg_level = SOL_SOCKET;
  h->cmsg_type = SCM_RIGHTS;
  h->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(h), &fd, sizeof(int));
  return sendmsg(c, &mh, MSG_NOSIGNAL) < 0 ? -errno : 0;
}

/*
 * Waits up to timeout_ms for one client on listen_fd, sends it a read-only fd of file_path and closes
 * the connection. 0 when served, -ETIMEDOUT when no client came, another negative errno on failure.
 */
JNIEXPORT jint JNICALL Java_io_jvppmux_shim_StatsFd_serveFileOnce0(JNIEnv *env, jclass cls, jint listen_fd,
                                                                  jstring file_path, jint timeout_ms)
{
  (void)cls;
  struct pollfd p = {.fd = listen_fd, .events = POLLIN};
  int n = poll(&p, 1, timeout_ms);
  if (n < 0)
    return -errno;
  if (n == 0)
    return -ETIMEDOUT;
  int c = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
  if (c < 0)
    return -errno;
  const char *fp = (*env)->GetStringUTFChars(env, file_path, NULL);
  int rv = -ENOMEM;
  if (fp != NULL) {
    int fd = open(fp, O_RDONLY | O_CLOEXEC);
    (*env)->ReleaseStringUTFChars(env, file_path, fp);
    rv = fd < 0 ? -errno : send_one_fd(c, fd);
    if (fd >= 0)
      close(fd);
  }
  close(c);
  return rv;
}

JNIEXPORT jstring JNICALL Java_io_jvppmux_shim_StatsFd_strerror0(JNIEnv *env, jclass cls, jint err)
{
  (void)cls;
  char buf[128];
  const char *m = strerror_r(err, buf, sizeof(buf)); /* GNU variant: returns the message */
  return (*env)->NewStringUTF(env, m);
}
