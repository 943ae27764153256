/*
 * Prints the Cyclone DDS topic descriptors idlc generated from idl/RosTypes.idl, one per line:
 *   <type-name> size=<m_size> align=<m_align> flagset=<m_flagset> nops=<m_nops> ops=<w0>,<w1>,...
 * The C# tests compare the descriptors they build (ros_discovery_info with Gid 16 and 24) with this output.
 * Built twice (opsdump with the 16-byte Gid, opsdump24 with -DGID_LEN=24).
 */
#include <inttypes.h>
#include <stdio.h>
#include "dds/dds.h"
#include "RosTypes.h"

static void dump (const dds_topic_descriptor_t *d, uint32_t words)
{
  printf ("%s size=%" PRIu32 " align=%" PRIu32 " flagset=%" PRIu32 " nops=%" PRIu32 " ops=", d->m_typename, d->m_size, d->m_align, d->m_flagset, d->m_nops);
  for (uint32_t k = 0; k < words; k++) printf ("%s%" PRIu32, k ? "," : "", d->m_ops[k]);
  printf ("\n");
}

int main (void)
{
  /* word counts of the ops arrays as idlc writes them (the arrays are static in RosTypes.c) */
  dump (&rmw_dds_common_msg_dds__Gid__desc, 4);
  dump (&rmw_dds_common_msg_dds__NodeEntitiesInfo__desc, 20);
  dump (&rmw_dds_common_msg_dds__ParticipantEntitiesInfo__desc, 27);
  return 0;
}
