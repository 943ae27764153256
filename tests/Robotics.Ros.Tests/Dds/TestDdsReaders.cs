using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Tests.Dds;

/// <summary>Takes samples as they arrive, woken by <see cref="ITransportReader.DataAvailable"/>.</summary>
internal static class TestDdsReaders
{
    /// <summary>Takes up to <paramref name="count"/> samples, waiting at most <paramref name="timeout"/> in total.</summary>
    public static List<IRosMessage> TakeMany(ITransportReader reader, MessageTypeSupport support, int count, TimeSpan timeout)
    {
        var received = new List<IRosMessage>();
        using var signal = new SemaphoreSlim(0);
        void OnData() => signal.Release();
        reader.DataAvailable += OnData;
        try
        {
            DateTime end = DateTime.UtcNow + timeout;
            while (received.Count < count)
            {
                IRosMessage message = support.CreateMessage();
                if (reader.TryTake(message, out _))
                {
                    received.Add(message);
                    continue;
                }

                TimeSpan left = end - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    break;
                }

                // the signal may have fired before we subscribed: wake at least every 100 ms to poll again
                signal.Wait(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100));
            }
        }
        finally
        {
            reader.DataAvailable -= OnData;
        }

        return received;
    }

    /// <summary>
    /// Waits until <paramref name="reader"/> has matched at least <paramref name="count"/> writers (the reader interface
    /// has no blocking wait: polls the listener-maintained count every 5 ms).
    /// </summary>
    public static bool WaitForMatched(ITransportReader reader, int count, TimeSpan timeout)
    {
        DateTime end = DateTime.UtcNow + timeout;
        while (reader.MatchedCount < count)
        {
            if (DateTime.UtcNow >= end)
            {
                return false;
            }

            Thread.Sleep(5);
        }

        return true;
    }
}
