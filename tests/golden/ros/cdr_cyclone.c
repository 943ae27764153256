/* Cross-check of cdr_golden.py with Cyclone DDS's own serializer: builds the same four samples as C structs
 * (types from idlc, via run_opsdump.sh's work dir) and encodes them with dds_stream_writeLE (XCDR1, the ops
 * bytecode idlc generated). Prints the same lines as cdr_golden.py (encapsulation header 00 01 00 00 prepended).
 * Build: see cdr_cyclone.sh. */
#include <stdio.h>
#include <string.h>
#include "dds/dds.h"
#include "dds/ddsi/ddsi_cdrstream.h"
#include "std_msgs.h"
#include "geometry_msgs.h"
#include "sensor_msgs.h"
#include "rmw_dds_common.h"

static void emit (const char *name, const void *sample, const dds_topic_descriptor_t *desc)
{
  dds_ostreamLE_t os;
  dds_ostreamLE_init (&os, 0, 1 /* CDR_ENC_VERSION_1 */);
  dds_stream_writeLE (&os, sample, desc->m_ops);
  printf ("    // %s: %u bytes\n    public static readonly byte[] %s = [0x00, 0x01, 0x00, 0x00", name, (unsigned) os.x.m_index + 4, name);
  for (uint32_t i = 0; i < os.x.m_index; i++)
    printf (", 0x%02X", os.x.m_buffer[i]);
  printf ("];\n");
  dds_ostreamLE_fini (&os);
}

int main (void)
{
  std_msgs_msg_dds__String_ s = { .data = "hi" };
  emit ("StringHi", &s, &std_msgs_msg_dds__String__desc);

  geometry_msgs_msg_dds__Twist_ t = { .linear = { 1.0, -2.5, 3.25 }, .angular = { 0.0, 0.5, -0.001 } };
  emit ("Twist", &t, &geometry_msgs_msg_dds__Twist__desc);

  char *names[] = { "j1", "joint_two" };
  double pos[] = { 0.5, -1.25 }, eff[] = { 3.0, 4.0 };
  sensor_msgs_msg_dds__JointState_ js;
  memset (&js, 0, sizeof (js));
  js.header.stamp.sec = 1700000000; js.header.stamp.nanosec = 123456789; js.header.frame_id = "base_link";
  js.name._length = js.name._maximum = 2; js.name._buffer = names;
  js.position._length = js.position._maximum = 2; js.position._buffer = pos;
  js.effort._length = js.effort._maximum = 2; js.effort._buffer = eff;
  emit ("JointState", &js, &sensor_msgs_msg_dds__JointState__desc);

  rmw_dds_common_msg_dds__ParticipantEntitiesInfo_ p;
  rmw_dds_common_msg_dds__NodeEntitiesInfo_ node;
  rmw_dds_common_msg_dds__Gid_ wg;
  memset (&p, 0, sizeof (p)); memset (&node, 0, sizeof (node));
  for (int i = 0; i < 16; i++) { p.gid.data[i] = (uint8_t) (1 + i); wg.data[i] = (uint8_t) (0xA0 + i); }
  strcpy (node.node_namespace, "/demo"); strcpy (node.node_name, "talker");
  node.writer_gid_seq._length = node.writer_gid_seq._maximum = 1; node.writer_gid_seq._buffer = &wg;
  p.node_entities_info_seq._length = p.node_entities_info_seq._maximum = 1; p.node_entities_info_seq._buffer = &node;
  emit ("ParticipantEntitiesInfo", &p, &rmw_dds_common_msg_dds__ParticipantEntitiesInfo__desc);
  return 0;
}
