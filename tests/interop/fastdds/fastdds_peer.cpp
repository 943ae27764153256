// Fast DDS 2.9 peer for the C# Cyclone DDS transport tests (std_msgs/String only: services do not cross
// vendors). Topic and type names as rmw_fastrtps uses them (rt/<name>, std_msgs::msg::dds_::String_),
// QoS as the ROS default profile (RELIABLE, VOLATILE, KEEP_LAST 10). UDPv4 on 127.0.0.1 only, no shared
// memory, with 127.0.0.1 as initial peer so it meets a Cyclone participant that has multicast disabled.
//
//   fastdds_peer pub <dds-topic> <count> [timeout-s]   waits for a reader, writes "hello ü <i>", waits for acks
//   fastdds_peer sub <dds-topic> <count> [timeout-s]   prints "S data=<text>" per sample and "DONE <n>"
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>

#include <fastdds/dds/domain/DomainParticipantFactory.hpp>
#include <fastdds/dds/domain/DomainParticipant.hpp>
#include <fastdds/dds/publisher/DataWriter.hpp>
#include <fastdds/dds/publisher/Publisher.hpp>
#include <fastdds/dds/subscriber/DataReader.hpp>
#include <fastdds/dds/subscriber/SampleInfo.hpp>
#include <fastdds/dds/subscriber/Subscriber.hpp>
#include <fastdds/dds/topic/TypeSupport.hpp>
#include <fastdds/rtps/transport/UDPv4TransportDescriptor.h>
#include <fastrtps/utils/IPLocator.h>

#include "String_PubSubTypes.h"

using namespace eprosima::fastdds::dds;
using eprosima::fastdds::rtps::UDPv4TransportDescriptor;
using eprosima::fastrtps::rtps::Locator_t;
using eprosima::fastrtps::rtps::IPLocator;

int main(int argc, char** argv)
{
    if (argc < 4) { std::cerr << "usage: fastdds_peer pub|sub <topic> <count> [timeout-s] [--wait-go]\n"; return 2; }
    std::string mode = argv[1], topic_name = argv[2];
    int count = std::atoi(argv[3]);
    double timeout_s = argc > 4 ? std::atof(argv[4]) : 20.0;
    // pub --wait-go: after MATCHED, wait for a line on stdin before writing. Matching is not symmetric: this writer
    // can match the remote reader before the remote reader has matched this writer, and a volatile reader does not
    // get samples written before it matched; the test sends the line once its reader reports the match.
    bool wait_go = argc > 5 && std::string(argv[5]) == "--wait-go";
    const char* env = std::getenv("ROS_DOMAIN_ID");
    int domain = (env && *env) ? std::atoi(env) : 0;

    DomainParticipantQos pqos;
    pqos.name("fastdds_peer");
    pqos.transport().use_builtin_transports = false;
    auto udp = std::make_shared<UDPv4TransportDescriptor>();
    udp->interfaceWhiteList.push_back("127.0.0.1");
    // probe the unicast discovery ports of Cyclone participant indices 0-31 (the default 4 misses busy hosts)
    udp->maxInitialPeersRange = 32;
    pqos.transport().user_transports.push_back(udp);
    Locator_t peer;
    IPLocator::setIPv4(peer, 127, 0, 0, 1);
    pqos.wire_protocol().builtin.initialPeersList.push_back(peer);
    pqos.wire_protocol().builtin.discovery_config.leaseDuration_announcementperiod = eprosima::fastrtps::Duration_t(0, 200000000);
    pqos.wire_protocol().builtin.avoid_builtin_multicast = true;
    pqos.wire_protocol().participant_id = -1;
    DomainParticipant* participant = DomainParticipantFactory::get_instance()->create_participant(domain, pqos);
    if (participant == nullptr) { std::cerr << "fastdds_peer: participant failed\n"; return 2; }
    TypeSupport type(new std_msgs::msg::dds_::String_PubSubType());
    type.register_type(participant);
    Topic* topic = participant->create_topic(topic_name, type.get_type_name(), TOPIC_QOS_DEFAULT);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<int>(timeout_s * 1000));

    if (mode == "pub")
    {
        Publisher* publisher = participant->create_publisher(PUBLISHER_QOS_DEFAULT);
        DataWriterQos wqos = DATAWRITER_QOS_DEFAULT;
        wqos.reliability().kind = RELIABLE_RELIABILITY_QOS;
        wqos.durability().kind = VOLATILE_DURABILITY_QOS;
        wqos.history().kind = KEEP_LAST_HISTORY_QOS;
        wqos.history().depth = 10;
        DataWriter* writer = publisher->create_datawriter(topic, wqos);
        std::cout << "READY" << std::endl;
        PublicationMatchedStatus st;
        do
        {
            writer->get_publication_matched_status(st);
            if (st.current_count > 0) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        } while (std::chrono::steady_clock::now() < deadline);
        if (st.current_count == 0) { std::cout << "NOMATCH" << std::endl; return 1; }
        std::cout << "MATCHED" << std::endl;
        if (wait_go)
        {
            std::string go;
            if (!std::getline(std::cin, go)) { std::cout << "NOGO" << std::endl; return 1; }
        }
        for (int i = 0; i < count; i++)
        {
            std_msgs::msg::dds_::String_ msg;
            msg.data("hello \xc3\xbc " + std::to_string(i));
            writer->write(&msg);
        }
        writer->wait_for_acknowledgments(eprosima::fastrtps::Duration_t(5, 0));
        std::cout << "SENT " << count << std::endl;
        participant->delete_contained_entities();
    }
    else
    {
        Subscriber* subscriber = participant->create_subscriber(SUBSCRIBER_QOS_DEFAULT);
        DataReaderQos rqos = DATAREADER_QOS_DEFAULT;
        rqos.reliability().kind = RELIABLE_RELIABILITY_QOS;
        rqos.durability().kind = VOLATILE_DURABILITY_QOS;
        rqos.history().kind = KEEP_LAST_HISTORY_QOS;
        rqos.history().depth = 10;
        DataReader* reader = subscriber->create_datareader(topic, rqos);
        std::cout << "READY" << std::endl;
        int received = 0;
        while (received < count && std::chrono::steady_clock::now() < deadline)
        {
            std_msgs::msg::dds_::String_ msg;
            SampleInfo info;
            if (reader->take_next_sample(&msg, &info) == ReturnCode_t::RETCODE_OK)
            {
                if (info.valid_data) { std::cout << "S data=" << msg.data() << std::endl; received++; }
            }
            else
            {
                reader->wait_for_unread_message(eprosima::fastrtps::Duration_t(0, 50000000));
            }
        }
        std::cout << "DONE " << received << std::endl;
        participant->delete_contained_entities();
        DomainParticipantFactory::get_instance()->delete_participant(participant);
        return received == count ? 0 : 1;
    }
    DomainParticipantFactory::get_instance()->delete_participant(participant);
    return 0;
}
