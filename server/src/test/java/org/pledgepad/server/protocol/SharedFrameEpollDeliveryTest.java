package org.pledgepad.server.protocol;

/**
 * The same deliveries on Linux's epoll transport, the server's default: it writes direct
 * buffers by memory address, where NIO goes through NIO buffers of them.
 */
class SharedFrameEpollDeliveryTest extends SharedFrameDeliveryTest {
  @Override
  boolean nativeTransport() {
    return true;
  }
}
