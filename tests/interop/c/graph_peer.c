/*
 * Graph peer: prints what a ROS 2 graph cache (rmw_dds_common) would learn about the other participants
 * in the domain, from the DDS builtin topics and from ros_discovery_info, in a line format the C# tests
 * parse:
 *   P <participant-guid> user_data="<text>"
 *   W|R <endpoint-guid> participant=<guid> topic=<name> type=<name> reliability=RELIABLE|BEST_EFFORT
 *       durability=VOLATILE|TRANSIENT_LOCAL history=KEEP_LAST/<depth>|KEEP_ALL user_data="<text>"   (one line)
 *   I gid=<hex> nodes=<n>
 *   N ns=<namespace> name=<name> readers=<gid>,... writers=<gid>,...
 *
 *   graph_peer <seconds> [--until-node <ns>/<name>]
 * Built twice: graph_peer (Gid of 16 bytes, Iron/Jazzy) and graph_peer24 (-DGID_LEN=24, Humble). Exits 0 when
 * --until-node was seen (after a short grace period so the node's endpoints are printed too), 1 otherwise.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "dds/dds.h"
#include "RosTypes.h"

#ifndef GID_LEN
#define GID_LEN 16 /* must equal the -D GID_LEN given to idlc */
#endif

static int64_t mono_ns (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (int64_t) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void print_guid (const dds_guid_t *g)
{
  for (int k = 0; k < 16; k++) printf ("%02x", g->v[k]);
}

static void print_user_data (const dds_qos_t *qos)
{
  void *ud = NULL;
  size_t sz = 0;
  printf (" user_data=\"");
  if (qos && dds_qget_userdata (qos, &ud, &sz) && ud)
  {
    fwrite (ud, 1, sz, stdout);
    dds_free (ud);
  }
  printf ("\"");
}

static void print_endpoint (char kind, const dds_builtintopic_endpoint_t *ep)
{
  dds_reliability_kind_t rel = DDS_RELIABILITY_BEST_EFFORT;
  dds_duration_t blocking;
  dds_durability_kind_t dur = DDS_DURABILITY_VOLATILE;
  dds_history_kind_t hist = DDS_HISTORY_KEEP_LAST;
  int32_t depth = 1;
  dds_qget_reliability (ep->qos, &rel, &blocking);
  dds_qget_durability (ep->qos, &dur);
  dds_qget_history (ep->qos, &hist, &depth);
  printf ("%c ", kind);
  print_guid (&ep->key);
  printf (" participant=");
  print_guid (&ep->participant_key);
  printf (" topic=%s type=%s reliability=%s durability=%s", ep->topic_name, ep->type_name,
          rel == DDS_RELIABILITY_RELIABLE ? "RELIABLE" : "BEST_EFFORT",
          dur == DDS_DURABILITY_VOLATILE ? "VOLATILE" : dur == DDS_DURABILITY_TRANSIENT_LOCAL ? "TRANSIENT_LOCAL" : "OTHER");
  if (hist == DDS_HISTORY_KEEP_ALL) printf (" history=KEEP_ALL");
  else printf (" history=KEEP_LAST/%" PRId32, depth);
  print_user_data (ep->qos);
  printf ("\n");
}

static void print_gids (const char *label, const dds_sequence_rmw_dds_common_msg_dds__Gid_ *s)
{
  printf (" %s=", label);
  for (uint32_t r = 0; r < s->_length; r++)
  {
    if (r) printf (",");
    for (int b = 0; b < GID_LEN; b++) printf ("%02x", s->_buffer[r].data[b]);
  }
}

int main (int argc, char **argv)
{
  double seconds = argc > 1 ? atof (argv[1]) : 5.0;
  const char *until = NULL;
  for (int k = 2; k + 1 < argc; k++)
    if (strcmp (argv[k], "--until-node") == 0) until = argv[k + 1];
  const char *env = getenv ("ROS_DOMAIN_ID");
  dds_domainid_t domain = (env && *env) ? (dds_domainid_t) atoi (env) : 0;
  dds_entity_t pp = dds_create_participant (domain, NULL, NULL);
  if (pp < 0) { fprintf (stderr, "graph_peer: %s\n", dds_strretcode (pp)); return 2; }
  dds_entity_t rd_pp = dds_create_reader (pp, DDS_BUILTIN_TOPIC_DCPSPARTICIPANT, NULL, NULL);
  dds_entity_t rd_pub = dds_create_reader (pp, DDS_BUILTIN_TOPIC_DCPSPUBLICATION, NULL, NULL);
  dds_entity_t rd_sub = dds_create_reader (pp, DDS_BUILTIN_TOPIC_DCPSSUBSCRIPTION, NULL, NULL);

  /* ros_discovery_info reader as rmw_cyclonedds creates it: RELIABLE, TRANSIENT_LOCAL, KEEP_ALL, XCDR1 */
  dds_entity_t topic = dds_create_topic (pp, &rmw_dds_common_msg_dds__ParticipantEntitiesInfo__desc, "ros_discovery_info", NULL, NULL);
  dds_qos_t *qos = dds_create_qos ();
  dds_qset_reliability (qos, DDS_RELIABILITY_RELIABLE, DDS_INFINITY);
  dds_qset_durability (qos, DDS_DURABILITY_TRANSIENT_LOCAL);
  dds_qset_history (qos, DDS_HISTORY_KEEP_ALL, DDS_LENGTH_UNLIMITED);
  dds_data_representation_id_t xcdr1 = DDS_DATA_REPRESENTATION_XCDR1;
  dds_qset_data_representation (qos, 1, &xcdr1);
  dds_entity_t rd_info = dds_create_reader (pp, topic, qos, NULL);
  dds_delete_qos (qos);
  if (rd_pp < 0 || rd_pub < 0 || rd_sub < 0 || topic < 0 || rd_info < 0) { fprintf (stderr, "graph_peer: setup failed\n"); return 2; }
  dds_guid_t self;
  dds_get_guid (pp, &self);
  printf ("SELF ");
  print_guid (&self);
  printf ("\n");
  fflush (stdout);

  int64_t end = mono_ns () + (int64_t) (seconds * 1e9);
  int64_t seen_at = 0;
  void *samples[16];
  dds_sample_info_t infos[16];
  while (mono_ns () < end && (seen_at == 0 || mono_ns () < seen_at + 300000000))
  {
    int32_t n;
    memset (samples, 0, sizeof (samples));
    if ((n = dds_take (rd_pp, samples, infos, 16, 16)) > 0)
    {
      for (int32_t k = 0; k < n; k++)
        if (infos[k].valid_data)
        {
          const dds_builtintopic_participant_t *p = samples[k];
          printf ("P ");
          print_guid (&p->key);
          print_user_data (p->qos);
          printf ("\n");
        }
      dds_return_loan (rd_pp, samples, n);
    }
    memset (samples, 0, sizeof (samples));
    if ((n = dds_take (rd_pub, samples, infos, 16, 16)) > 0)
    {
      for (int32_t k = 0; k < n; k++)
        if (infos[k].valid_data) print_endpoint ('W', samples[k]);
      dds_return_loan (rd_pub, samples, n);
    }
    memset (samples, 0, sizeof (samples));
    if ((n = dds_take (rd_sub, samples, infos, 16, 16)) > 0)
    {
      for (int32_t k = 0; k < n; k++)
        if (infos[k].valid_data) print_endpoint ('R', samples[k]);
      dds_return_loan (rd_sub, samples, n);
    }
    memset (samples, 0, sizeof (samples));
    if ((n = dds_take (rd_info, samples, infos, 16, 16)) > 0)
    {
      for (int32_t k = 0; k < n; k++)
        if (infos[k].valid_data)
        {
          const rmw_dds_common_msg_dds__ParticipantEntitiesInfo_ *e = samples[k];
          printf ("I gid=");
          for (int b = 0; b < GID_LEN; b++) printf ("%02x", e->gid.data[b]);
          printf (" nodes=%" PRIu32 "\n", e->node_entities_info_seq._length);
          for (uint32_t m = 0; m < e->node_entities_info_seq._length; m++)
          {
            const rmw_dds_common_msg_dds__NodeEntitiesInfo_ *node = &e->node_entities_info_seq._buffer[m];
            printf ("N ns=%s name=%s", node->node_namespace, node->node_name);
            print_gids ("readers", &node->reader_gid_seq);
            print_gids ("writers", &node->writer_gid_seq);
            printf ("\n");
            if (until && seen_at == 0)
            {
              char full[600];
              snprintf (full, sizeof (full), "%s%s%s", node->node_namespace,
                        strcmp (node->node_namespace, "/") == 0 ? "" : "/", node->node_name);
              if (strcmp (full, until) == 0) seen_at = mono_ns ();
            }
          }
        }
      dds_return_loan (rd_info, samples, n);
    }
    fflush (stdout);
    dds_sleepfor (DDS_MSECS (10));
  }
  printf ("END\n");
  fflush (stdout);
  dds_delete (pp);
  return (until == NULL || seen_at != 0) ? 0 : 1;
}
