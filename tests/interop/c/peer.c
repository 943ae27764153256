/*
 * Interop peer for the C# Cyclone DDS transport tests: a plain Cyclone DDS C program whose type support
 * idlc generated from tests/interop/idl/RosTypes.idl. It names and configures its entities the way
 * rmw_cyclonedds_cpp does (rt/ prefix, dds_ type names, XCDR1, RELIABLE + KEEP_LAST 10 by default,
 * participant USER_DATA "enclave=/;"), so it stands in for a ROS 2 node without ROS 2.
 *
 *   peer pub  <type> <dds-topic> <count> [--tl] [--be] [--depth N] [--timeout S]
 *   peer sub  <type> <dds-topic> <count> [--tl] [--be] [--depth N] [--timeout S]
 *   peer echo <in-topic> <out-topic>            std_msgs/String relay from the data-available listener, until
 *                                               stdin closes (round-trip benchmarks)
 *   peer ping <out-topic> <in-topic>            reads counts on stdin, answers "<count> <elapsed-ns>"
 *   peer sink <topic>                           KEEP_ALL String reader; per count N read on stdin, takes N samples
 *                                               and answers "<N> <elapsed-ns>" (throughput benchmarks)
 *   peer blast <topic>                          KEEP_ALL String writer; per count N on stdin writes N samples
 *
 * <type> is string | badstring | twist | jointstate | pei (rmw_dds_common/ParticipantEntitiesInfo: fixed arrays,
 * bounded strings, sequences of structs). Sample i carries values from a formula that the C# tests
 * reproduce (InteropSamples.cs); "sub" prints one canonical line per sample ("S <line>"), with doubles as
 * their IEEE-754 bit patterns in hex so the comparison is exact. The domain comes from ROS_DOMAIN_ID;
 * the network configuration from CYCLONEDDS_URI (Cyclone reads it itself).
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "dds/dds.h"
#include "RosTypes.h"

#ifndef GID_LEN
#define GID_LEN 16 /* must equal the -D GID_LEN given to idlc */
#endif

#define MAX_LINE 16384

typedef struct
{
  const char *name;
  const dds_topic_descriptor_t *desc;
  size_t size;
  void (*fill) (void *sample, int i);
  void (*print) (const void *sample, char *line, size_t n);
} type_entry;

static void die (const char *what, dds_return_t rc)
{
  fprintf (stderr, "peer: %s: %s\n", what, dds_strretcode (rc));
  exit (2);
}

static int64_t mono_ns (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (int64_t) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static char *dup_printf (const char *fmt, int a, int b)
{
  char buf[300];
  snprintf (buf, sizeof (buf), fmt, a, b);
  return dds_string_dup (buf);
}

static void append (char *line, size_t n, const char *fmt, ...) __attribute__ ((format (printf, 3, 4)));
static void append (char *line, size_t n, const char *fmt, ...)
{
  size_t len = strlen (line);
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (line + len, n - len, fmt, ap);
  va_end (ap);
}

static uint64_t bits (double d)
{
  uint64_t u;
  memcpy (&u, &d, sizeof (u));
  return u;
}

static void append_doubles (char *line, size_t n, const char *label, const dds_sequence_double *s)
{
  append (line, n, " %s=", label);
  for (uint32_t k = 0; k < s->_length; k++)
    append (line, n, "%s%016" PRIx64, k ? "|" : "", bits (s->_buffer[k]));
}

/* ---- std_msgs/String: data = "hello ü <i>" ---- */
static void fill_string (void *p, int i)
{
  std_msgs_msg_dds__String_ *s = p;
  s->data = dup_printf ("hello \xc3\xbc %d", i, 0);
}
static void print_string (const void *p, char *line, size_t n)
{
  const std_msgs_msg_dds__String_ *s = p;
  append (line, n, "data=%s", s->data);
}

/* ---- std_msgs/String with bytes that are not UTF-8 ("\xff\xfe bad <i>"), except the last sample of a run,
 *      which is the normal "hello ü <i>": a receiver must drop the bad ones and deliver the last ---- */
static int bad_string_count;
static void fill_badstring (void *p, int i)
{
  std_msgs_msg_dds__String_ *s = p;
  s->data = dup_printf (i + 1 < bad_string_count ? "\xff\xfe bad %d" : "hello \xc3\xbc %d", i, 0);
}

/* ---- geometry_msgs/Twist: linear (i+0.5, -i, 0.001 i), angular (0.25, 2i, -0.125 i) ---- */
static void fill_twist (void *p, int i)
{
  geometry_msgs_msg_dds__Twist_ *t = p;
  t->linear.x = i + 0.5; t->linear.y = -(double) i; t->linear.z = i * 0.001;
  t->angular.x = 0.25; t->angular.y = 2.0 * i; t->angular.z = -0.125 * i;
}
static void print_twist (const void *p, char *line, size_t n)
{
  const geometry_msgs_msg_dds__Twist_ *t = p;
  append (line, n, "linear=%016" PRIx64 "|%016" PRIx64 "|%016" PRIx64 " angular=%016" PRIx64 "|%016" PRIx64 "|%016" PRIx64,
          bits (t->linear.x), bits (t->linear.y), bits (t->linear.z), bits (t->angular.x), bits (t->angular.y), bits (t->angular.z));
}

/* ---- sensor_msgs/JointState: stamp (100+i, 1000 i), frame "base_link_<i>", k = 1 + i%4 joints
 *      "joint_<j>", position i + 0.5 j, velocity -j, effort 0.25 j (empty for odd i) ---- */
static void fill_doubles (dds_sequence_double *s, uint32_t k)
{
  s->_maximum = s->_length = k;
  s->_buffer = k ? dds_alloc (k * sizeof (double)) : NULL;
  s->_release = true;
}
static void fill_jointstate (void *p, int i)
{
  sensor_msgs_msg_dds__JointState_ *js = p;
  uint32_t k = 1 + (uint32_t) (i % 4);
  js->header.stamp.sec = 100 + i;
  js->header.stamp.nanosec = 1000u * (uint32_t) i;
  js->header.frame_id = dup_printf ("base_link_%d", i, 0);
  js->name._maximum = js->name._length = k;
  js->name._buffer = dds_alloc (k * sizeof (char *));
  js->name._release = true;
  fill_doubles (&js->position, k);
  fill_doubles (&js->velocity, k);
  fill_doubles (&js->effort, (i % 2 == 0) ? k : 0);
  for (uint32_t j = 0; j < k; j++)
  {
    js->name._buffer[j] = dup_printf ("joint_%d", (int) j, 0);
    js->position._buffer[j] = i + 0.5 * j;
    js->velocity._buffer[j] = -(double) j;
    if (js->effort._length)
      js->effort._buffer[j] = 0.25 * j;
  }
}
static void print_jointstate (const void *p, char *line, size_t n)
{
  const sensor_msgs_msg_dds__JointState_ *js = p;
  append (line, n, "stamp=%" PRId32 ".%" PRIu32 " frame=%s name=", js->header.stamp.sec, js->header.stamp.nanosec, js->header.frame_id);
  for (uint32_t k = 0; k < js->name._length; k++)
    append (line, n, "%s%s", k ? "|" : "", js->name._buffer[k]);
  append_doubles (line, n, "position", &js->position);
  append_doubles (line, n, "velocity", &js->velocity);
  append_doubles (line, n, "effort", &js->effort);
}

/* ---- rmw_dds_common/ParticipantEntitiesInfo: gid byte b = (7i + b) & 255; two nodes n = 0, 1 with
 *      namespace "/ns<i>", name "node_<i>_<n>", n+1 reader gids with byte b = (i + 10n + r + b) & 255 and
 *      2-n writer gids with byte b = (i + 10n + r + b + 100) & 255 ---- */
static void fill_gids (dds_sequence_rmw_dds_common_msg_dds__Gid_ *s, uint32_t count, int base)
{
  s->_maximum = s->_length = count;
  s->_buffer = count ? dds_alloc (count * sizeof (rmw_dds_common_msg_dds__Gid_)) : NULL;
  s->_release = true;
  for (uint32_t r = 0; r < count; r++)
    for (int b = 0; b < GID_LEN; b++)
      s->_buffer[r].data[b] = (uint8_t) ((base + (int) r + b) & 255);
}
static void fill_pei (void *p, int i)
{
  rmw_dds_common_msg_dds__ParticipantEntitiesInfo_ *e = p;
  for (int b = 0; b < GID_LEN; b++)
    e->gid.data[b] = (uint8_t) ((7 * i + b) & 255);
  e->node_entities_info_seq._maximum = e->node_entities_info_seq._length = 2;
  e->node_entities_info_seq._buffer = dds_alloc (2 * sizeof (rmw_dds_common_msg_dds__NodeEntitiesInfo_));
  e->node_entities_info_seq._release = true;
  for (int n = 0; n < 2; n++)
  {
    rmw_dds_common_msg_dds__NodeEntitiesInfo_ *node = &e->node_entities_info_seq._buffer[n];
    snprintf (node->node_namespace, sizeof (node->node_namespace), "/ns%d", i);
    snprintf (node->node_name, sizeof (node->node_name), "node_%d_%d", i, n);
    fill_gids (&node->reader_gid_seq, (uint32_t) n + 1, i + 10 * n);
    fill_gids (&node->writer_gid_seq, (uint32_t) (2 - n), i + 10 * n + 100);
  }
}
static void append_gid (char *line, size_t n, const uint8_t *data)
{
  for (int b = 0; b < GID_LEN; b++)
    append (line, n, "%02x", data[b]);
}
static void append_gids (char *line, size_t n, const char *label, const dds_sequence_rmw_dds_common_msg_dds__Gid_ *s)
{
  append (line, n, ":%s=", label);
  for (uint32_t r = 0; r < s->_length; r++)
  {
    if (r) append (line, n, "|");
    append_gid (line, n, s->_buffer[r].data);
  }
}
static void print_pei (const void *p, char *line, size_t n)
{
  const rmw_dds_common_msg_dds__ParticipantEntitiesInfo_ *e = p;
  append (line, n, "gid=");
  append_gid (line, n, e->gid.data);
  append (line, n, " nodes=");
  for (uint32_t k = 0; k < e->node_entities_info_seq._length; k++)
  {
    const rmw_dds_common_msg_dds__NodeEntitiesInfo_ *node = &e->node_entities_info_seq._buffer[k];
    append (line, n, "%s%s/%s", k ? ";" : "", node->node_namespace, node->node_name);
    append_gids (line, n, "r", &node->reader_gid_seq);
    append_gids (line, n, "w", &node->writer_gid_seq);
  }
}

static const type_entry types[] = {
  { "string", &std_msgs_msg_dds__String__desc, sizeof (std_msgs_msg_dds__String_), fill_string, print_string },
  { "badstring", &std_msgs_msg_dds__String__desc, sizeof (std_msgs_msg_dds__String_), fill_badstring, print_string },
  { "twist", &geometry_msgs_msg_dds__Twist__desc, sizeof (geometry_msgs_msg_dds__Twist_), fill_twist, print_twist },
  { "jointstate", &sensor_msgs_msg_dds__JointState__desc, sizeof (sensor_msgs_msg_dds__JointState_), fill_jointstate, print_jointstate },
  { "pei", &rmw_dds_common_msg_dds__ParticipantEntitiesInfo__desc, sizeof (rmw_dds_common_msg_dds__ParticipantEntitiesInfo_), fill_pei, print_pei },
};

typedef struct
{
  int transient_local, best_effort, depth;
  double timeout_s;
} options;

static dds_qos_t *ros_qos (const options *o)
{
  /* create_readwrite_qos() of rmw_cyclonedds_cpp */
  dds_qos_t *qos = dds_create_qos ();
  dds_qset_writer_data_lifecycle (qos, false);
  dds_qset_history (qos, DDS_HISTORY_KEEP_LAST, o->depth);
  if (o->best_effort)
    dds_qset_reliability (qos, DDS_RELIABILITY_BEST_EFFORT, 0);
  else
    dds_qset_reliability (qos, DDS_RELIABILITY_RELIABLE, DDS_INFINITY);
  if (o->transient_local)
  {
    dds_qset_durability (qos, DDS_DURABILITY_TRANSIENT_LOCAL);
    dds_qset_durability_service (qos, 0, DDS_HISTORY_KEEP_LAST, o->depth, DDS_LENGTH_UNLIMITED, DDS_LENGTH_UNLIMITED, DDS_LENGTH_UNLIMITED);
  }
  else
    dds_qset_durability (qos, DDS_DURABILITY_VOLATILE);
  dds_qset_liveliness (qos, DDS_LIVELINESS_AUTOMATIC, DDS_INFINITY);
  dds_data_representation_id_t xcdr1 = DDS_DATA_REPRESENTATION_XCDR1;
  dds_qset_data_representation (qos, 1, &xcdr1);
  return qos;
}

static dds_entity_t make_participant (void)
{
  const char *env = getenv ("ROS_DOMAIN_ID");
  dds_domainid_t domain = (env && *env) ? (dds_domainid_t) atoi (env) : 0;
  dds_qos_t *qos = dds_create_qos ();
  const char *ud = "enclave=/;";
  dds_qset_userdata (qos, ud, strlen (ud));
  dds_entity_t pp = dds_create_participant (domain, qos, NULL);
  dds_delete_qos (qos);
  if (pp < 0) die ("create participant", pp);
  return pp;
}

static int wait_matched (dds_entity_t e, int is_writer, double timeout_s)
{
  int64_t end = mono_ns () + (int64_t) (timeout_s * 1e9);
  while (mono_ns () < end)
  {
    uint32_t current;
    if (is_writer)
    {
      dds_publication_matched_status_t st;
      dds_get_publication_matched_status (e, &st);
      current = st.current_count;
    }
    else
    {
      dds_subscription_matched_status_t st;
      dds_get_subscription_matched_status (e, &st);
      current = st.current_count;
    }
    if (current > 0) return 1;
    dds_sleepfor (DDS_MSECS (2));
  }
  return 0;
}

static const type_entry *find_type (const char *name)
{
  for (size_t k = 0; k < sizeof (types) / sizeof (types[0]); k++)
    if (strcmp (types[k].name, name) == 0) return &types[k];
  fprintf (stderr, "peer: unknown type %s\n", name);
  exit (2);
}

static int run_pub (const type_entry *t, const char *topic_name, int count, const options *o)
{
  dds_entity_t pp = make_participant ();
  dds_entity_t topic = dds_create_topic (pp, t->desc, topic_name, NULL, NULL);
  if (topic < 0) die ("create topic", topic);
  dds_qos_t *qos = ros_qos (o);
  dds_entity_t wr = dds_create_writer (pp, topic, qos, NULL);
  dds_delete_qos (qos);
  if (wr < 0) die ("create writer", wr);
  printf ("READY\n");
  fflush (stdout);
  if (!o->transient_local)
  {
    if (!wait_matched (wr, 1, o->timeout_s)) { printf ("NOMATCH\n"); return 1; }
    printf ("MATCHED\n");
    fflush (stdout);
  }
  void *sample = dds_alloc (t->size);
  for (int i = 0; i < count; i++)
  {
    memset (sample, 0, t->size);
    t->fill (sample, i);
    dds_return_t rc = dds_write (wr, sample);
    if (rc < 0) die ("write", rc);
    dds_sample_free (sample, t->desc, DDS_FREE_CONTENTS);
  }
  dds_free (sample);
  printf ("SENT %d\n", count);
  fflush (stdout);
  if (o->transient_local)
  {
    /* keep the historical data available until the test closes stdin */
    char buf[16];
    while (fgets (buf, sizeof (buf), stdin) != NULL) { }
  }
  else
  {
    dds_wait_for_acks (wr, DDS_SECS (5));
  }
  dds_delete (pp);
  return 0;
}

static int run_sub (const type_entry *t, const char *topic_name, int count, const options *o)
{
  dds_entity_t pp = make_participant ();
  dds_entity_t topic = dds_create_topic (pp, t->desc, topic_name, NULL, NULL);
  if (topic < 0) die ("create topic", topic);
  dds_qos_t *qos = ros_qos (o);
  dds_entity_t rd = dds_create_reader (pp, topic, qos, NULL);
  dds_delete_qos (qos);
  if (rd < 0) die ("create reader", rd);
  dds_entity_t ws = dds_create_waitset (pp);
  dds_entity_t rc = dds_create_readcondition (rd, DDS_ANY_STATE);
  dds_waitset_attach (ws, rc, 0);
  dds_set_status_mask (rd, DDS_SUBSCRIPTION_MATCHED_STATUS);
  printf ("READY\n");
  fflush (stdout);
  int received = 0;
  int64_t end = mono_ns () + (int64_t) (o->timeout_s * 1e9);
  char *line = malloc (MAX_LINE);
  void *samples[1] = { NULL };
  dds_sample_info_t info;
  while (received < count && mono_ns () < end)
  {
    dds_waitset_wait (ws, NULL, 0, DDS_MSECS (50));
    while (received < count && dds_take (rd, samples, &info, 1, 1) == 1)
    {
      if (info.valid_data)
      {
        line[0] = 0;
        t->print (samples[0], line, MAX_LINE);
        printf ("S %s\n", line);
        received++;
      }
      dds_return_loan (rd, samples, 1);
      samples[0] = NULL;
    }
    fflush (stdout);
  }
  printf ("DONE %d\n", received);
  fflush (stdout);
  free (line);
  dds_delete (pp);
  return received == count ? 0 : 1;
}

static dds_entity_t string_topic (dds_entity_t pp, const char *name)
{
  dds_entity_t topic = dds_create_topic (pp, &std_msgs_msg_dds__String__desc, name, NULL, NULL);
  if (topic < 0) die ("create topic", topic);
  return topic;
}

/* The echo relays each sample from the reader's data-available listener, on Cyclone's receive thread, as the C#
   echo peer (tests/interop/RosEcho) does from DataAvailable: the C and C# round trips then take the same path. */
static dds_entity_t echo_writer;

static void on_echo_data (dds_entity_t rd, void *arg)
{
  (void) arg;
  void *samples[1] = { NULL };
  dds_sample_info_t info;
  while (dds_take (rd, samples, &info, 1, 1) == 1)
  {
    if (info.valid_data)
      dds_write (echo_writer, samples[0]);
    dds_return_loan (rd, samples, 1);
    samples[0] = NULL;
  }
}

static int run_echo (const char *in_name, const char *out_name)
{
  options o = { 0, 0, 10, 0 };
  dds_entity_t pp = make_participant ();
  dds_qos_t *qos = ros_qos (&o);
  echo_writer = dds_create_writer (pp, string_topic (pp, out_name), qos, NULL);
  if (echo_writer < 0) die ("create echo writer", echo_writer);
  dds_listener_t *listener = dds_create_listener (NULL);
  dds_lset_data_available (listener, on_echo_data);
  dds_entity_t rd = dds_create_reader (pp, string_topic (pp, in_name), qos, listener);
  dds_delete_listener (listener);
  dds_delete_qos (qos);
  if (rd < 0) die ("create echo reader", rd);
  printf ("READY\n");
  fflush (stdout);
  /* runs until stdin closes (or the process is killed) */
  char buf[16];
  while (fgets (buf, sizeof (buf), stdin) != NULL) { }
  dds_delete (pp);
  return 0;
}

static int run_ping (const char *out_name, const char *in_name)
{
  options o = { 0, 0, 10, 10.0 };
  dds_entity_t pp = make_participant ();
  dds_qos_t *qos = ros_qos (&o);
  dds_entity_t wr = dds_create_writer (pp, string_topic (pp, out_name), qos, NULL);
  dds_entity_t rd = dds_create_reader (pp, string_topic (pp, in_name), qos, NULL);
  dds_delete_qos (qos);
  if (rd < 0 || wr < 0) die ("create ping endpoints", rd < 0 ? rd : wr);
  dds_entity_t ws = dds_create_waitset (pp);
  dds_entity_t rc = dds_create_readcondition (rd, DDS_ANY_STATE);
  dds_waitset_attach (ws, rc, 0);
  if (!wait_matched (wr, 1, o.timeout_s) || !wait_matched (rd, 0, o.timeout_s)) { printf ("NOMATCH\n"); return 1; }
  printf ("READY\n");
  fflush (stdout);
  std_msgs_msg_dds__String_ msg = { .data = "ping" };
  void *samples[1] = { NULL };
  dds_sample_info_t info;
  char buf[64];
  while (fgets (buf, sizeof (buf), stdin) != NULL)
  {
    int count = atoi (buf);
    int64_t t0 = mono_ns ();
    for (int i = 0; i < count; i++)
    {
      dds_write (wr, &msg);
      int got = 0;
      while (!got)
      {
        dds_waitset_wait (ws, NULL, 0, DDS_SECS (1));
        while (dds_take (rd, samples, &info, 1, 1) == 1)
        {
          got |= info.valid_data;
          dds_return_loan (rd, samples, 1);
          samples[0] = NULL;
        }
      }
    }
    printf ("%d %" PRId64 "\n", count, mono_ns () - t0);
    fflush (stdout);
  }
  dds_delete (pp);
  return 0;
}

static int run_sink (const char *name)
{
  options o = { 0, 0, 10, 0 };
  dds_entity_t pp = make_participant ();
  dds_qos_t *qos = ros_qos (&o);
  dds_qset_history (qos, DDS_HISTORY_KEEP_ALL, DDS_LENGTH_UNLIMITED);
  dds_entity_t rd = dds_create_reader (pp, string_topic (pp, name), qos, NULL);
  dds_delete_qos (qos);
  if (rd < 0) die ("create sink reader", rd);
  dds_entity_t ws = dds_create_waitset (pp);
  dds_entity_t rc = dds_create_readcondition (rd, DDS_ANY_STATE);
  dds_waitset_attach (ws, rc, 0);
  printf ("READY\n");
  fflush (stdout);
  void *samples[64];
  dds_sample_info_t infos[64];
  char buf[64];
  while (fgets (buf, sizeof (buf), stdin) != NULL)
  {
    int count = atoi (buf), got = 0;
    int64_t t0 = 0;
    while (got < count)
    {
      dds_waitset_wait (ws, NULL, 0, DDS_SECS (1));
      int32_t n;
      memset (samples, 0, sizeof (samples));
      while ((n = dds_take (rd, samples, infos, 64, 64)) > 0)
      {
        if (t0 == 0) t0 = mono_ns ();
        for (int32_t k = 0; k < n; k++) got += infos[k].valid_data;
        dds_return_loan (rd, samples, n);
        memset (samples, 0, sizeof (samples));
      }
    }
    printf ("%d %" PRId64 "\n", count, mono_ns () - t0);
    fflush (stdout);
  }
  dds_delete (pp);
  return 0;
}

static int run_blast (const char *name)
{
  options o = { 0, 0, 10, 10.0 };
  dds_entity_t pp = make_participant ();
  dds_qos_t *qos = ros_qos (&o);
  dds_qset_history (qos, DDS_HISTORY_KEEP_ALL, DDS_LENGTH_UNLIMITED);
  dds_entity_t wr = dds_create_writer (pp, string_topic (pp, name), qos, NULL);
  dds_delete_qos (qos);
  if (wr < 0) die ("create blast writer", wr);
  if (!wait_matched (wr, 1, o.timeout_s)) { printf ("NOMATCH\n"); return 1; }
  printf ("READY\n");
  fflush (stdout);
  std_msgs_msg_dds__String_ msg = { .data = "hello world 0123" };
  char buf[64];
  while (fgets (buf, sizeof (buf), stdin) != NULL)
  {
    int count = atoi (buf);
    int64_t t0 = mono_ns ();
    for (int i = 0; i < count; i++) dds_write (wr, &msg);
    printf ("%d %" PRId64 "\n", count, mono_ns () - t0);
    fflush (stdout);
  }
  dds_delete (pp);
  return 0;
}

int main (int argc, char **argv)
{
  if (argc < 2) { fprintf (stderr, "usage: see the comment at the top of peer.c\n"); return 2; }
  options o = { 0, 0, 10, 20.0 };
  for (int k = 2; k < argc; k++)
  {
    if (strcmp (argv[k], "--tl") == 0) o.transient_local = 1;
    else if (strcmp (argv[k], "--be") == 0) o.best_effort = 1;
    else if (strcmp (argv[k], "--depth") == 0 && k + 1 < argc) o.depth = atoi (argv[++k]);
    else if (strcmp (argv[k], "--timeout") == 0 && k + 1 < argc) o.timeout_s = atof (argv[++k]);
  }
  if (strcmp (argv[1], "pub") == 0 && argc >= 5)
    bad_string_count = atoi (argv[4]);
  if (strcmp (argv[1], "pub") == 0 && argc >= 5)
    return run_pub (find_type (argv[2]), argv[3], atoi (argv[4]), &o);
  if (strcmp (argv[1], "sub") == 0 && argc >= 5)
    return run_sub (find_type (argv[2]), argv[3], atoi (argv[4]), &o);
  if (strcmp (argv[1], "echo") == 0 && argc >= 4)
    return run_echo (argv[2], argv[3]);
  if (strcmp (argv[1], "ping") == 0 && argc >= 4)
    return run_ping (argv[2], argv[3]);
  if (strcmp (argv[1], "sink") == 0 && argc >= 3)
    return run_sink (argv[2]);
  if (strcmp (argv[1], "blast") == 0 && argc >= 3)
    return run_blast (argv[2]);
  fprintf (stderr, "peer: bad arguments\n");
  return 2;
}
