/** Travel-time estimates between service-area districts. Import from here. */
export {
  TRAVEL_MODEL,
  createTravelEstimator,
  defaultTravelEstimator,
  drivingMinutes,
  estimateTravel,
  haversineKm,
  limaSpeedAt,
  type TravelEstimate,
  type TravelEstimatorOptions,
  type TravelTimeEstimator,
} from './estimator.ts';
export { LIMA_UTC_OFFSET_MINUTES, limaDateOf, limaHourMinute, limaInstant, limaMinuteOfDay } from './lima-clock.ts';
