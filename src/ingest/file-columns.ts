/**
 * The column lists of the user file formats (DESIGN.md §7): the one place they are written down.
 * The importer checks headers against them and the demo world writes exactly them.
 */
export const FILE_COLUMNS = {
  fleet: {
    required: ['truck_id', 'equipment', 'home_city', 'home_region'],
    optional: ['domicile', 'credentials'],
  },
  deliveries: {
    required: ['delivery_id', 'truck_id', 'dest_city', 'dest_region', 'delivered_at'],
    optional: [
      'origin_city',
      'origin_region',
      'dest_zip',
      'dest_lat',
      'dest_lon',
      'equipment',
      'loaded_miles',
      'revenue',
      'currency',
    ],
  },
  signals: {
    required: ['signal_id', 'observed_at', 'company_id', 'origin_region', 'dest_region', 'equipment'],
    optional: [
      'source',
      'company_name',
      'company_domain',
      'searcher_id',
      'origin_city',
      'origin_zip',
      'origin_lat',
      'origin_lon',
      'dest_city',
      'industry',
      'company_employees',
    ],
  },
  loads: {
    required: [
      'load_id',
      'origin_city',
      'origin_region',
      'dest_city',
      'dest_region',
      'pickup_earliest',
      'pickup_latest',
      'equipment',
      'rate',
    ],
    optional: [
      'shipper_id',
      'shipper_name',
      'delivery_latest',
      'weight_lb',
      'currency',
      'status',
      'requirements',
      'pre_arranged',
    ],
  },
  reps: {
    required: ['rep_id', 'name'],
    optional: ['email', 'territories', 'capacity', 'region'],
  },
  lanes: {
    required: [
      'partner_id',
      'lane_id',
      'origin_city',
      'origin_region',
      'dest_city',
      'dest_region',
      'equipment',
      'loads_per_week',
    ],
    optional: ['partner_name', 'cost_per_load', 'rate_per_load', 'currency'],
  },
} as const;
