package dev.marquee.media.server.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/** Closes a connection once the {@code IdleStateHandler} before it reports no traffic either way, so idle sockets don't pile up. */
@ChannelHandler.Sharable
public final class IdleCloseHandler extends ChannelInboundHandlerAdapter {
    public static final IdleCloseHandler INSTANCE = new IdleCloseHandler();

    private IdleCloseHandler() {
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }
}
