"""Platform minute-by-minute exports (直播大屏, 数据明细 …) read into tidy samples."""
