package org.warroom.dashboard.export;

import java.util.List;
import java.util.stream.Stream;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.access.Visibility;
import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.live.LiveChannel;
import org.warroom.dashboard.live.LiveState;
import org.warroom.dashboard.live.LiveValue;

/** A live channel's records the viewer sees ({@link Visibility}, as the live API filters them), of one district or all. */
final class LiveRows {
    private LiveRows() {
    }

    static <T> List<T> visible(LiveState live, Viewer viewer, LiveChannel channel, Class<T> type, String district) {
        if (district != null && !Visibility.sees(viewer, district)) {
            throw ApiError.forbidden("district " + district + " is outside your scope");
        }
        Stream<LiveValue> values = live.values(channel).stream()
                .filter(v -> Visibility.sees(viewer, v.district(), v.categories()));
        if (district != null) {
            values = values.filter(v -> district.equals(v.district()));
        }
        return values.map(v -> type.cast(v.value())).toList();
    }
}
