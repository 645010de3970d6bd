import { MemberPage, NewMemberPage } from '../features/members/MemberPage';
import { TripFormPage } from '../features/trips/TripForm';
import { TripPage } from '../features/trips/TripPage';
import type { Detail } from '../state/navigation';

/** The record opened from a list, in place of the list; keyed so that another record starts afresh. */
export function DetailScreen({ detail }: { detail: Detail }) {
  switch (detail.kind) {
    case 'member':
      return <MemberPage key={detail.memberId} memberId={detail.memberId} />;
    case 'newMember':
      return <NewMemberPage />;
    case 'trip':
      return <TripPage key={detail.tripId} tripId={detail.tripId} />;
    case 'tripForm':
      return (
        <TripFormPage
          key={`${detail.tripId ?? 'new'}-${detail.memberId ?? ''}`}
          tripId={detail.tripId}
          memberId={detail.memberId}
        />
      );
  }
}
